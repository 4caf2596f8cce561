package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Time-resolved Bliss and HSA synergy of a three-drug study on the growth rates of SynergyLMM's
 * exponential model ({@code logRTV ~ 0 + Time:Treatment}, random slope per animal, REML), with one
 * rate per arm: five arms (vehicle, A, B, C, ABC; SynergyLMM's three-drug design) or eight (full
 * 2x2x2 with AB, AC, BC).
 *
 * <p>Data preparation is SynergyLMM's (see {@link PreparedData}) over the arms present. For every
 * re-based time {@code d >= minTime} the model is refitted to the rows with {@code t <= d} (a time
 * at which some arm has no rows yet is skipped and reported). Contrasts {@code c' beta} with Wald
 * standard errors, normal reference, SS and CI exactly as in SynergyLMM's two-drug case:
 *
 * <ul>
 *   <li><b>ABC, Bliss</b> (SynergyLMM's three-drug generalisation, {@code "b5 = b2 + b3 + b4 -
 *       2*b1"}): {@code delta = beta_ABC − (beta_A + beta_B + beta_C − 2 beta_V)}, i.e. expected
 *       {@code RTV_ABC = RTV_A RTV_B RTV_C / RTV_V^2} (Bliss independence of the three drugs'
 *       fractional effects relative to vehicle).
 *   <li><b>ABC, HSA</b>: {@code beta_ABC − beta_X}, X the monotherapy with the lowest growth rate
 *       in the full fit (ties: A before B before C), as SynergyLMM chooses once for all times.
 *   <li><b>AB, AC, BC</b> (2x2x2 only): the two-drug Bliss ({@code beta_XY − beta_X − beta_Y + beta_V}) and HSA
 *       contrasts of each pair, from the same eight-group fit.
 *   <li><b>ABC|pairs</b> (2x2x2 only, Bliss only; own definition, not in SynergyLMM): the three-way interaction
 *       {@code beta_ABC − beta_AB − beta_AC − beta_BC + beta_A + beta_B + beta_C − beta_V}, the
 *       triple's departure from what the three pairs (with their pairwise interactions) predict.
 * </ul>
 *
 * SS = {@code −z} (> 0 = synergy), CI = {@code exp(delta d)} (< 1 = synergy), both with 95% bounds
 * and the two-sided Wald p-value.
 */
public final class ThreeDrugSynergy {
    private static final int V = 0;
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 3;
    private static final int AB = 4;
    private static final int AC = 5;
    private static final int BC = 6;
    private static final int ABC = 7;

    private ThreeDrugSynergy() {}

    /** One prepared row. */
    public record Row(String animalId, String group, int arm, double originalDay, double time, double logRtv) {}

    /**
     * One synergy row.
     *
     * @param combination {@code ABC}, {@code AB}, {@code AC}, {@code BC} or {@code ABC|pairs}
     * @param comparator HSA: the monotherapy compared with (group name); Bliss: empty
     * @param estimate the SynergyLMM-style SS or CI row
     */
    public record Estimate(String combination, String comparator, SynergyEstimate estimate) {}

    /**
     * The result.
     *
     * @param timeStart first day (time 0)
     * @param rows fitted rows (time > 0)
     * @param fullFit fit to all rows; rates in the order of {@link ThreeDrugArms#present()}
     * @param estimates SS and CI rows per combination, reference and time
     * @param skipped times not computed, with the reason
     * @param dropped notes on dropped animals/rows
     */
    public record Result(
            double timeStart,
            List<Row> rows,
            ExponentialFit fullFit,
            List<Estimate> estimates,
            List<String> skipped,
            List<String> dropped) {
        public Result {
            rows = List.copyOf(rows);
            estimates = List.copyOf(estimates);
            skipped = List.copyOf(skipped);
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * Computes the synergy of {@code arms} in {@code study} from re-based time {@code minTime} on.
     *
     * @throws FitFailureException when the full-data model cannot be fitted
     */
    public static Result compute(TumourStudy study, ThreeDrugArms arms, double minTime) {
        TumourStudy s = study.restrictedTo(arms.presentGroups());
        int[] present = arms.present();
        double start = s.firstDay();
        Map<String, Double> baseline = new HashMap<>();
        for (TumourObservation o : s.observations()) {
            if (o.day() == start) {
                baseline.put(o.animalId(), o.value());
            }
        }
        List<String> dropped = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        for (TumourObservation o : s.observations()) {
            Double b = baseline.get(o.animalId());
            if (b == null || b == 0) {
                if (seen.add(o.animalId())) {
                    dropped.add("animal " + o.animalId() + " dropped: " + (b == null ? "no measurement" : "volume 0")
                            + " at the first day " + start);
                }
                continue;
            }
            if (o.value() == 0) {
                dropped.add("animal " + o.animalId() + " day " + o.day() + " dropped: volume 0");
                continue;
            }
            if (o.day() != start) {
                rows.add(new Row(
                        o.animalId(),
                        o.group(),
                        arms.indexOf(o.group()),
                        o.day(),
                        o.day() - start,
                        Math.log(o.value() / b)));
            }
        }
        ExponentialFit full = fit(rows, Double.POSITIVE_INFINITY, present);
        double[] beta = expand(full.rates(), present);
        int hsaTriple = argMin(beta, A, B, C);
        int[][] pairs = {{AB, A, B}, {AC, A, C}, {BC, B, C}};
        String[] pairNames = {"AB", "AC", "BC"};
        double[] times = rows.stream()
                .mapToDouble(Row::time)
                .filter(t -> t >= minTime)
                .distinct()
                .sorted()
                .toArray();
        List<Estimate> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        double q = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
        for (double d : times) {
            ExponentialFit f;
            try {
                f = fit(rows, d, present);
            } catch (FitFailureException e) {
                skipped.add("time " + d + ": " + e.getMessage());
                continue;
            }
            double[] bliss3 = new double[8];
            bliss3[ABC] = 1;
            bliss3[A] = bliss3[B] = bliss3[C] = -1;
            bliss3[V] = 2;
            add(out, "ABC", "", SynergyReference.BLISS, f, bliss3, d, q);
            double[] hsa3 = new double[8];
            hsa3[ABC] = 1;
            hsa3[hsaTriple] = -1;
            add(out, "ABC", arms.groups().get(hsaTriple), SynergyReference.HSA, f, hsa3, d, q);
            for (int k = 0; k < 3 && arms.hasPairs(); k++) {
                int[] p = pairs[k];
                double[] bl = new double[8];
                bl[p[0]] = 1;
                bl[p[1]] = -1;
                bl[p[2]] = -1;
                bl[V] = 1;
                add(out, pairNames[k], "", SynergyReference.BLISS, f, bl, d, q);
                int x = argMin(beta, p[1], p[2]);
                double[] h = new double[8];
                h[p[0]] = 1;
                h[x] = -1;
                add(out, pairNames[k], arms.groups().get(x), SynergyReference.HSA, f, h, d, q);
            }
            double[] three = {-1, 1, 1, 1, -1, -1, -1, 1};
            if (arms.hasPairs()) {
                add(out, "ABC|pairs", "", SynergyReference.BLISS, f, three, d, q);
            }
        }
        return new Result(start, rows, full, out, skipped, dropped);
    }

    private static int argMin(double[] beta, int... idx) {
        int best = idx[0];
        for (int i : idx) {
            if (beta[i] < beta[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void add(
            List<Estimate> out,
            String combination,
            String comparator,
            SynergyReference ref,
            ExponentialFit f,
            double[] c,
            double d,
            double q) {
        int[] present = f.rates().length == 8 ? new int[] {0, 1, 2, 3, 4, 5, 6, 7} : new int[] {0, 1, 2, 3, 7};
        double[] cp = new double[present.length];
        for (int i = 0; i < present.length; i++) {
            cp[i] = c[present[i]];
        }
        TimeResolvedSynergy.Wald w = TimeResolvedSynergy.wald(f, cp);
        double z = w.estimate() / w.se();
        double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(z));
        out.add(new Estimate(
                combination,
                comparator,
                new SynergyEstimate(
                        ref,
                        SynergyEstimate.CI,
                        Math.exp(w.estimate() * d),
                        Math.exp((w.estimate() - q * w.se()) * d),
                        Math.exp((w.estimate() + q * w.se()) * d),
                        p,
                        d)));
        out.add(new Estimate(
                combination, comparator, new SynergyEstimate(ref, SynergyEstimate.SS, -z, -z - q, -z + q, p, d)));
    }

    private static double[] expand(double[] rates, int[] present) {
        double[] b = new double[8];
        for (int i = 0; i < present.length; i++) {
            b[present[i]] = rates[i];
        }
        return b;
    }

    /**
     * REML fit of the exponential model with one rate per arm present (role indices {@code
     * present}) to the rows with {@code time <= upTo}.
     */
    static ExponentialFit fit(List<Row> rows, double upTo, int[] present) {
        int[] pos = new int[8];
        java.util.Arrays.fill(pos, -1);
        for (int i = 0; i < present.length; i++) {
            pos[present[i]] = i;
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        int[] perGroup = new int[present.length];
        int n = 0;
        for (Row r : rows) {
            if (r.time() > upTo) {
                continue;
            }
            double[] a = sums.computeIfAbsent(r.animalId(), k -> new double[] {0, 0, 0, pos[r.arm()]});
            a[0] += r.time() * r.time();
            a[1] += r.time() * r.logRtv();
            a[2] += r.logRtv() * r.logRtv();
            perGroup[pos[r.arm()]]++;
            n++;
        }
        for (int g = 0; g < present.length; g++) {
            if (perGroup[g] == 0) {
                throw new FitFailureException(
                        "exponential growth LMM (three drugs)",
                        "arm " + ThreeDrugArms.ROLES.get(present[g]) + " has no measurement after time 0",
                        null);
            }
        }
        return ExponentialGrowthModel.fitSums(sums, perGroup, n, Estimation.REML);
    }
}
