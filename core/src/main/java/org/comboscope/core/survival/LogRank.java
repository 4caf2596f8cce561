package org.comboscope.core.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;
import org.hipparchus.special.Gamma;

/**
 * The log-rank test of equal hazards across groups, as R's {@code survdiff(Surv(time, event) ~
 * group)} (and {@code ~ group + strata(s)} for the stratified test).
 *
 * <p>At every event time the expected events of group {@code g} are {@code d·n_g/n} and the
 * hypergeometric covariance is {@code d(n−d)/(n−1) · n_g/n · (δ_gh − n_h/n)}; stratified, both are
 * summed over strata. The statistic uses all groups but the first:
 * {@code (O−E)' V⁻¹ (O−E)}.
 */
public final class LogRank {
    private LogRank() {}

    /**
     * Unstratified test.
     *
     * @param groups at least two groups, in the order to report (the first is dropped from the
     *     quadratic form, as in R)
     * @throws InvalidInputException with fewer than two groups or no events at all
     */
    public static LogRankResult test(Map<String, SurvivalSample> groups) {
        return stratified(List.of(groups));
    }

    /**
     * Stratified test: each map is one stratum holding the same groups (a group may be absent from
     * a stratum).
     *
     * @throws InvalidInputException with fewer than two groups overall or no events at all
     */
    public static LogRankResult stratified(List<Map<String, SurvivalSample>> strata) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Map<String, SurvivalSample> stratum : strata) {
            for (String g : stratum.keySet()) {
                index.putIfAbsent(g, index.size());
            }
        }
        int k = index.size();
        if (k < 2) {
            throw new InvalidInputException(
                    "group", index.keySet(), "must have at least two levels for a log-rank test");
        }
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] var = new double[k][k];
        for (Map<String, SurvivalSample> stratum : strata) {
            accumulate(stratum, index, observed, expected, var);
        }
        double total = Arrays.stream(observed).sum();
        if (total == 0) {
            throw new InvalidInputException("event", 0, "must include at least one event for a log-rank test");
        }
        int df = -1;
        for (double e : expected) {
            if (e > 0) {
                df++;
            }
        }
        double[][] v = new double[k - 1][k - 1];
        double[] diff = new double[k - 1];
        for (int g = 1; g < k; g++) {
            diff[g - 1] = observed[g] - expected[g];
            for (int h = 1; h < k; h++) {
                v[g - 1][h - 1] = var[g][h];
            }
        }
        RealVector o = new ArrayRealVector(diff, false);
        double chisq = o.dotProduct(new LUDecomposition(new Array2DRowRealMatrix(v, false))
                .getSolver()
                .solve(o));
        double p = df > 0 ? Gamma.regularizedGammaQ(df / 2.0, chisq / 2) : 1.0;
        return new LogRankResult(new ArrayList<>(index.keySet()), observed, expected, chisq, df, p);
    }

    private static void accumulate(
            Map<String, SurvivalSample> stratum,
            Map<String, Integer> index,
            double[] observed,
            double[] expected,
            double[][] var) {
        int total = 0;
        for (SurvivalSample s : stratum.values()) {
            total += s.size();
        }
        double[] time = new double[total];
        boolean[] event = new boolean[total];
        int[] group = new int[total];
        int at = 0;
        for (Map.Entry<String, SurvivalSample> e : stratum.entrySet()) {
            SurvivalSample s = e.getValue();
            for (int i = 0; i < s.size(); i++) {
                time[at] = s.timeAt(i);
                event[at] = s.eventAt(i);
                group[at] = index.get(e.getKey());
                at++;
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        int k = observed.length;
        int[] atRisk = new int[k];
        for (int i = 0; i < total; i++) {
            atRisk[group[i]]++;
        }
        int[] deaths = new int[k];
        int[] leaving = new int[k];
        int i = 0;
        while (i < total) {
            double t = time[order[i]];
            Arrays.fill(deaths, 0);
            Arrays.fill(leaving, 0);
            int d = 0;
            while (i < total && time[order[i]] == t) {
                int g = group[order[i]];
                leaving[g]++;
                if (event[order[i]]) {
                    deaths[g]++;
                    d++;
                }
                i++;
            }
            double n = 0;
            for (int g = 0; g < k; g++) {
                n += atRisk[g];
            }
            if (d > 0) {
                double varFactor = n > 1 ? d * (n - d) / (n * n * (n - 1)) : 0;
                for (int g = 0; g < k; g++) {
                    observed[g] += deaths[g];
                    expected[g] += d * atRisk[g] / n;
                    for (int h = 0; h < k; h++) {
                        double cov = (g == h ? atRisk[g] * n : 0) - (double) atRisk[g] * atRisk[h];
                        var[g][h] += varFactor * cov;
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                atRisk[g] -= leaving[g];
            }
        }
    }
}
