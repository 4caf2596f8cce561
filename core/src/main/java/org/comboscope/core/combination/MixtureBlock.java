package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;

/**
 * The constant-ratio (CompuSyn "ray") analysis of one block of any number of drugs: the single-drug
 * rows (only drug i dosed) give each drug's median-effect fit; the mixture rows (every drug dosed)
 * are grouped by their dose shares into rays, and each ray gets its {@link MixtureCi}. Rows with some
 * but not all drugs dosed (partial mixtures) are not used; untreated rows are ignored.
 *
 * <p>A checkerboard design (the mixture rows form the full grid of their per-drug doses) has no
 * constant-ratio rays: no CI is computed and {@link #checkerboard()} says so.
 *
 * @param rays the constant-ratio rays, by first appearance in the block
 * @param checkerboard whether the mixture rows are a full checkerboard grid (then {@code rays} is empty)
 * @param notes remarks for the output (rows not used, checkerboard)
 */
public record MixtureBlock(List<Ray> rays, boolean checkerboard, List<String> notes) {

    public MixtureBlock {
        rays = List.copyOf(rays);
        notes = List.copyOf(notes);
    }

    /**
     * One constant-ratio ray.
     *
     * @param rows the block rows of the ray (0-based, block order)
     * @param ci its combination-index analysis
     */
    public record Ray(List<Integer> rows, MixtureCi ci) {
        public Ray {
            rows = List.copyOf(rows);
        }

        /** Dose ratio relative to drug 1 ({@code p_i / p_1}), as {@code 1:r2:r3...}. */
        public String ratioLabel() {
            double[] p = ci.fractions();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < p.length; i++) {
                if (i > 0) {
                    sb.append(':');
                }
                double r = p[i] / p[0];
                sb.append(r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r));
            }
            return sb.toString();
        }
    }

    /**
     * Analyses one block.
     *
     * @param conc doses, {@code [row][drug]} (≥ 2 drugs, every row the same length)
     * @param fa fraction affected per row
     * @param rowNames how to name each row in messages (e.g. "line 12")
     * @param levels effect levels in (0, 1)
     * @throws InvalidInputException when the block has no mixture rows, or a mixture row has no
     *     other mixture row at its dose ratio (the message names the row); a ray or drug whose
     *     median-effect fit fails throws {@link org.comboscope.core.error.FitFailureException}
     */
    public static MixtureBlock analyze(double[][] conc, double[] fa, List<String> rowNames, double... levels) {
        return analyze(conc, fa, rowNames, 0, 0, "", levels);
    }

    /**
     * As {@link #analyze(double[][], double[], List, double...)}, with {@code bootstrap} resamples
     * for 95 % bands on each ray's CI at the levels (see {@link MixtureCi.Bootstrap}); {@code key}
     * (the block id) is mixed into the seed so that bands do not depend on block order. Why a ray has
     * no bands goes to {@link #notes()}.
     */
    public static MixtureBlock analyze(
            double[][] conc,
            double[] fa,
            List<String> rowNames,
            int bootstrap,
            long seed,
            String key,
            double... levels) {
        if (conc.length != fa.length || conc.length != rowNames.size()) {
            throw new InvalidInputException(
                    "rows", conc.length + "/" + fa.length + "/" + rowNames.size(), "doses, fa and names must agree");
        }
        if (conc.length == 0) {
            throw new InvalidInputException("rows", 0, "a block needs rows");
        }
        int k = conc[0].length;
        if (k < 2) {
            throw new InvalidInputException("drugs", k, "a mixture needs at least 2 drugs");
        }
        List<List<Integer>> single = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            single.add(new ArrayList<>());
        }
        List<Integer> mixture = new ArrayList<>();
        int partial = 0;
        for (int r = 0; r < conc.length; r++) {
            if (conc[r].length != k) {
                throw new InvalidInputException(
                        "doses", conc[r].length, "every row needs " + k + " doses", rowNames.get(r));
            }
            int dosed = 0;
            int last = -1;
            for (int i = 0; i < k; i++) {
                if (!(Double.isFinite(conc[r][i]) && conc[r][i] >= 0)) {
                    throw new InvalidInputException(
                            "dose of drug " + (i + 1), conc[r][i], "must be finite and >= 0", rowNames.get(r));
                }
                if (conc[r][i] > 0) {
                    dosed++;
                    last = i;
                }
            }
            if (dosed == k) {
                mixture.add(r);
            } else if (dosed == 1) {
                single.get(last).add(r);
            } else if (dosed > 1) {
                partial++;
            }
        }
        if (mixture.isEmpty()) {
            throw new InvalidInputException(
                    "mixture rows", 0, "the constant-ratio CI needs rows with all " + k + " drugs > 0");
        }
        List<String> notes = new ArrayList<>();
        if (partial > 0) {
            notes.add(partial + " rows with some but not all " + k
                    + " drugs dosed are not used by the constant-ratio CI");
        }
        if (isCheckerboard(conc, mixture, k)) {
            notes.add("the mixture rows form a checkerboard (every combination of the per-drug doses); the " + k
                    + "-drug CI needs constant-ratio mixture rows (all drugs at one fixed dose ratio, several total"
                    + " doses): not computed");
            return new MixtureBlock(List.of(), true, notes);
        }
        List<List<Integer>> groups = new ArrayList<>();
        List<double[]> shares = new ArrayList<>();
        for (int r : mixture) {
            double[] ls = logShares(conc[r]);
            int hit = -1;
            for (int g = 0; g < groups.size() && hit < 0; g++) {
                boolean same = true;
                for (int i = 0; i < k; i++) {
                    same &= Math.abs(ls[i] - shares.get(g)[i]) <= CombinationIndex.RAY_TOLERANCE;
                }
                if (same) {
                    hit = g;
                }
            }
            if (hit < 0) {
                groups.add(new ArrayList<>());
                shares.add(ls);
                hit = groups.size() - 1;
            }
            groups.get(hit).add(r);
        }
        for (List<Integer> g : groups) {
            if (g.size() < 2) {
                int r = g.get(0);
                throw new InvalidInputException(
                        "mixture doses",
                        java.util.Arrays.toString(conc[r]),
                        "must follow a constant ratio: no other row with all drugs dosed has this row's dose shares "
                                + java.util.Arrays.toString(shareOf(conc[r]))
                                + " (each constant-ratio ray needs at least 2 rows)",
                        rowNames.get(r));
            }
        }
        List<double[]> sd = new ArrayList<>();
        List<double[]> sf = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<Integer> s = single.get(i);
            double[] d = new double[s.size()];
            double[] f = new double[s.size()];
            for (int j = 0; j < s.size(); j++) {
                d[j] = conc[s.get(j)][i];
                f[j] = fa[s.get(j)];
            }
            sd.add(d);
            sf.add(f);
        }
        List<Ray> rays = new ArrayList<>();
        for (List<Integer> g : groups) {
            String rayKey = "ray " + (rays.size() + 1);
            double[][] md = new double[g.size()][];
            double[] mf = new double[g.size()];
            for (int j = 0; j < g.size(); j++) {
                md[j] = conc[g.get(j)];
                mf[j] = fa[g.get(j)];
            }
            Ray ray = new Ray(
                    g,
                    MixtureCi.analyze(sd, sf, md, mf, new MixtureCi.Bootstrap(bootstrap, seed, key, rayKey), levels));
            rays.add(ray);
            for (String n : ray.ci().notes()) {
                notes.add("ray " + ray.ratioLabel() + ": " + n);
            }
        }
        return new MixtureBlock(rays, false, notes);
    }

    private static boolean isCheckerboard(double[][] conc, List<Integer> mixture, int k) {
        List<Set<Double>> levels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            levels.add(new LinkedHashSet<>());
        }
        Set<List<Double>> tuples = new LinkedHashSet<>();
        for (int r : mixture) {
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                levels.get(i).add(conc[r][i]);
                t.add(conc[r][i]);
            }
            tuples.add(t);
        }
        long grid = 1;
        for (Set<Double> l : levels) {
            if (l.size() < 2) {
                return false;
            }
            grid *= l.size();
        }
        return tuples.size() == grid;
    }

    private static double[] shareOf(double[] row) {
        double s = 0;
        for (double v : row) {
            s += v;
        }
        double[] p = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            p[i] = row[i] / s;
        }
        return p;
    }

    private static double[] logShares(double[] row) {
        double[] p = shareOf(row);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.log(p[i]);
        }
        return p;
    }
}
