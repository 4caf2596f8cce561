package org.comboscope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comboscope.core.error.InvalidInputException;

/**
 * Runs {@code org.comboscope.spark.SynergyJob} in a child JVM for {@code batch --engine spark}. The
 * Spark tree (≈ 277 MiB) stays off the command line's classpath: the spark module's build writes
 * its classpath to {@code spark/target/spark-classpath.txt}, which this class reads.
 */
final class SparkEngine {
    /** The flag set spark-submit 4.2 adds (org.apache.spark.launcher.JavaModuleOptions). */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "--enable-native-access=ALL-UNNAMED",
            "-Dio.netty.allocator.type=pooled",
            "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE");

    static final String JOB = "org.comboscope.spark.SynergyJob";

    private SparkEngine() {}

    /** The project folder: {@code -Dcomboscope.home} (set by the launcher), else found from the jar. */
    static Path home() {
        String h = System.getProperty("comboscope.home");
        if (h != null && !h.isBlank()) {
            return Path.of(h);
        }
        try {
            Path jar = Path.of(SparkEngine.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // cli/target/comboscope.jar or cli/target/classes -> project folder
            return jar.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }

    /**
     * The child JVM's command line.
     *
     * @throws InvalidInputException (exit 2) when the spark module has not been built
     */
    static List<String> command(Path home, List<String> jobArgs) throws IOException {
        Path target = home.resolve("spark").resolve("target");
        Path cpFile = target.resolve("spark-classpath.txt");
        Path jar = target.resolve("comboscope-spark.jar");
        if (!Files.isRegularFile(cpFile) || !Files.isRegularFile(jar)) {
            throw new InvalidInputException(
                    "engine",
                    "spark",
                    "needs the spark module built (" + cpFile + " not found): run `mvn -pl spark -am package"
                            + " -DskipTests` in " + home + " (the ./comboscope launcher does this on first use)");
        }
        String cp = Files.readString(cpFile, StandardCharsets.UTF_8).strip();
        List<String> cmd = new ArrayList<>();
        String javaHome = System.getProperty("java.home");
        cmd.add(Path.of(javaHome, "bin", "java").toString());
        String opts = System.getenv("COMBOSCOPE_SPARK_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.strip().split("\\s+")));
        } else {
            cmd.add("-Xmx2g");
        }
        cmd.addAll(JVM_FLAGS);
        cmd.add("-Dlog4j2.configurationFile=org/comboscope/spark/log4j2-quiet.properties");
        cmd.add("-cp");
        cmd.add(jar + java.io.File.pathSeparator + cp);
        cmd.add(JOB);
        cmd.addAll(jobArgs);
        return cmd;
    }

    /** Runs the job with inherited output; its exit code (0, 1 or 2). */
    static int run(Path home, List<String> jobArgs) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(home, jobArgs)).inheritIO();
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start().waitFor();
    }
}
