package org.comboscope.spark;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.comboscope.core.error.ComboscopeException;

/** The command line of {@link SynergyJob#main}: parses the options, starts Spark, runs, reports. */
final class SparkMain {
    static final int EXIT_OK = 0;
    static final int EXIT_PARTIAL = 1;
    static final int EXIT_INPUT = 2;

    private static final Set<String> VALUED = Set.of(
            "--input",
            "--out",
            "--master",
            "--partitions",
            "--data-type",
            "--methods",
            "--baseline",
            "--fit",
            "--replicates",
            "--iterations",
            "--seed",
            "--ci-level");

    private SparkMain() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        boolean csv = false;
        boolean noParquet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("--csv")) {
                csv = true;
            } else if (a.equals("--no-parquet")) {
                noParquet = true;
            } else if (VALUED.contains(a)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        err.println("comboscope spark: " + a + " needs a value");
                        return EXIT_INPUT;
                    }
                    value = args[++i];
                }
                o.put(a, value);
            } else {
                err.println("comboscope spark: unknown option " + a
                        + "; options: --input --out [--master] [--csv] [--no-parquet]"
                        + " [--partitions] [--data-type] [--methods] [--baseline] [--fit] [--replicates]"
                        + " [--iterations] [--seed] [--ci-level]");
                return EXIT_INPUT;
            }
        }
        if (!o.containsKey("--input") || !o.containsKey("--out")) {
            err.println("comboscope spark: --input and --out are required");
            return EXIT_INPUT;
        }
        SynergyJob.Settings s;
        try {
            SynergyJob.Settings d = SynergyJob.Settings.defaults(o.get("--input"), o.get("--out"));
            s = new SynergyJob.Settings(
                    d.input(),
                    d.out(),
                    o.getOrDefault("--data-type", d.dataType()),
                    o.getOrDefault("--methods", d.methods()),
                    o.getOrDefault("--baseline", d.baseline()),
                    o.getOrDefault("--fit", d.fit()),
                    o.getOrDefault("--replicates", d.replicates()),
                    Integer.parseInt(o.getOrDefault("--iterations", Integer.toString(d.iterations()))),
                    Long.parseLong(o.getOrDefault("--seed", Long.toString(d.seed()))),
                    Double.parseDouble(o.getOrDefault("--ci-level", Double.toString(d.ciLevel()))),
                    csv,
                    !noParquet,
                    Integer.parseInt(o.getOrDefault("--partitions", "0")));
        } catch (NumberFormatException e) {
            err.println("comboscope spark: invalid number: " + e.getMessage());
            return EXIT_INPUT;
        } catch (ComboscopeException e) {
            err.println("comboscope spark: " + e.getMessage());
            return EXIT_INPUT;
        }
        String master = o.get("--master");
        SparkSession.Builder b = SparkSession.builder()
                .appName("comboscope batch")
                // the result tables are wide; without this Spark warns that it truncated a plan's text
                .config("spark.sql.debug.maxToStringFields", "1000");
        if (master != null) {
            b.master(master);
        }
        if (master == null || master.startsWith("local")) {
            b.config("spark.ui.enabled", "false");
            b.config("spark.driver.host", "127.0.0.1");
            b.config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = b.getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            long start = System.nanoTime();
            SynergyJob.Summary sum = SynergyJob.run(spark, s);
            double secs = (System.nanoTime() - start) / 1e9;
            for (String w : sum.warnings()) {
                err.println("warning: " + w);
            }
            for (String f : sum.failures()) {
                err.println("not analysed: " + f);
            }
            out.printf(
                    java.util.Locale.ROOT,
                    "comboscope batch (spark, %s): %d of %d blocks analysed in %.1f s; results in %s%n",
                    spark.sparkContext().master(),
                    sum.analysed(),
                    sum.blocks(),
                    secs,
                    s.out());
            return sum.failures().isEmpty() ? EXIT_OK : EXIT_PARTIAL;
        } catch (ComboscopeException e) {
            err.println("comboscope spark: " + e.getMessage());
            return EXIT_INPUT;
        } catch (java.io.IOException e) {
            err.println("comboscope spark: " + e.getMessage());
            return EXIT_INPUT;
        } finally {
            spark.stop();
        }
    }
}
