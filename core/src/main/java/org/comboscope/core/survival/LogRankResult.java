package org.comboscope.core.survival;

import java.util.List;

/**
 * A log-rank test ({@code survdiff}, {@code rho = 0}).
 *
 * @param groups group labels in the order of the other arrays
 * @param observed observed events per group
 * @param expected expected events per group under equal hazards
 * @param chisq the chi-square statistic
 * @param df degrees of freedom: groups with expected events {@code > 0}, minus 1
 * @param p upper-tail chi-square probability
 */
public record LogRankResult(List<String> groups, double[] observed, double[] expected, double chisq, int df, double p) {
    public LogRankResult {
        groups = List.copyOf(groups);
        observed = observed.clone();
        expected = expected.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }
}
