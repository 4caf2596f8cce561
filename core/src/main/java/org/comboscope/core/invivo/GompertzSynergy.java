package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.random.MersenneTwister;

/**
 * Time-resolved synergy on the Gompertz model as SynergyLMM 1.1.2 ({@code lmmSynergy.gompertzlme})
 * computes it: no refitting; {@code nsim} draws of (r0, rho) per arm from the fitted estimates'
 * normal distribution; for each time d, with {@code G(t) = (r0/rho)(1 - exp(-rho t))}:
 *
 * <ul>
 *   <li>{@code lhs = integral_0^d G_AB};
 *   <li>Bliss {@code rhs = integral (G_A + G_B - G_C)}, HSA {@code rhs = integral G_X} (X the
 *       monotherapy arm with the smaller median simulated integral at that time), RA {@code rhs =
 *       integral (exp G_A + exp G_B - exp G_C)} (the left side stays on the log scale, as coded);
 *   <li>{@code rhs < 0 -> 0}; {@code delta = lhs - rhs}; ratio = {@code exp(delta)} for Bliss/HSA,
 *       {@code lhs/rhs} for RA (infinite capped at 100);
 *   <li>SS = {@code -median(delta)/sd(delta)} with bounds {@code -q97.5/sd, -q2.5/sd}; CI =
 *       {@code median(ratio)} with its 2.5/97.5% quantiles; p-values {@code 2 min(P(x <= c), P(x >=
 *       c))} with c = 0 (SS) or 1 (CI).
 * </ul>
 *
 * Uses its own seeded Mersenne-Twister: agreement with R is within Monte-Carlo error only.
 */
public final class GompertzSynergy {
    private static final double RATIO_CAP = 100;
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private final Set<SynergyReference> references;
    private final double minTime;
    private final int simulations;
    private final long seed;

    private GompertzSynergy(Set<SynergyReference> references, double minTime, int simulations, long seed) {
        this.references = references.isEmpty() ? EnumSet.noneOf(SynergyReference.class) : EnumSet.copyOf(references);
        this.minTime = minTime;
        this.simulations = simulations;
        this.seed = seed;
    }

    /** Bliss, HSA and RA from time 0 with SynergyLMM's 10000 draws and seed 123. */
    public static GompertzSynergy defaults() {
        return new GompertzSynergy(EnumSet.allOf(SynergyReference.class), 0, 10_000, 123);
    }

    /** A copy using only the given references. */
    public GompertzSynergy withReferences(Set<SynergyReference> refs) {
        return new GompertzSynergy(refs, minTime, simulations, seed);
    }

    /** A copy starting at re-based time {@code t}. */
    public GompertzSynergy withMinTime(double t) {
        if (!Double.isFinite(t) || t < 0) {
            throw new InvalidInputException("min-time", t, "must be finite and >= 0");
        }
        return new GompertzSynergy(references, t, simulations, seed);
    }

    /** A copy with {@code n} draws and the given seed. */
    public GompertzSynergy withSimulations(int n, long rngSeed) {
        if (n < 10) {
            throw new InvalidInputException("simulations", n, "must be >= 10");
        }
        return new GompertzSynergy(references, minTime, n, rngSeed);
    }

    /** Synergy rows by reference, then metric (CI, SS), then time. */
    public List<SynergyEstimate> compute(PreparedData data, GompertzFit fit) {
        double[][][] draws = draw(fit);
        List<SynergyEstimate> out = new ArrayList<>();
        double[] times = Arrays.stream(data.times()).filter(t -> t >= minTime).toArray();
        for (SynergyReference ref : references) {
            List<SynergyEstimate> ci = new ArrayList<>();
            List<SynergyEstimate> ss = new ArrayList<>();
            for (double d : times) {
                double[][] dr = deltaAndRatio(draws, ref, d);
                SynergyEstimate[] e = summarise(ref, dr[0], dr[1], d);
                ci.add(e[0]);
                ss.add(e[1]);
            }
            out.addAll(ci);
            out.addAll(ss);
        }
        return out;
    }

    /** Draws {@code [arm][draw] = {r0, rho}} from each arm's bivariate normal. */
    double[][][] draw(GompertzFit fit) {
        MersenneTwister rng = new MersenneTwister(seed);
        double[][] cov = fit.covariance();
        double[] r0 = fit.r0();
        double[] rho = fit.rho();
        double[][][] out = new double[4][simulations][];
        for (int g = 0; g < 4; g++) {
            double l11 = Math.sqrt(cov[g][0]);
            double l21 = cov[g][1] / l11;
            double l22 = Math.sqrt(Math.max(0, cov[g][2] - l21 * l21));
            for (int i = 0; i < simulations; i++) {
                double z1 = rng.nextGaussian();
                double z2 = rng.nextGaussian();
                out[g][i] = new double[] {r0[g] + l11 * z1, rho[g] + l21 * z1 + l22 * z2};
            }
        }
        return out;
    }

    /** {@code [delta, ratio]} per draw at time d. */
    double[][] deltaAndRatio(double[][][] draws, SynergyReference ref, double d) {
        return deltaAndRatio(draws, ref, d, 0);
    }

    /**
     * As above; {@code forcedHsa} 1 or 2 forces the HSA comparator arm (drug A or B), 0 chooses it
     * by the smaller median simulated integral.
     */
    double[][] deltaAndRatio(double[][][] draws, SynergyReference ref, double d, int forcedHsa) {
        int n = draws[0].length;
        double[][] auc = new double[4][n];
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < n; i++) {
                auc[g][i] = GompertzFit.curveIntegral(draws[g][i][0], draws[g][i][1], d);
            }
        }
        int hsa = forcedHsa != 0 ? forcedHsa : median(auc[1]) <= median(auc[2]) ? 1 : 2;
        GaussIntegrator gauss = ref == SynergyReference.RA ? GAUSS.legendre(32, 0, d) : null;
        double[] delta = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            double lhs = auc[3][i];
            double rhs =
                    switch (ref) {
                        case BLISS -> auc[1][i] + auc[2][i] - auc[0][i];
                        case HSA -> auc[hsa][i];
                        case RA -> {
                            double[][] p = {draws[0][i], draws[1][i], draws[2][i]};
                            yield gauss.integrate(t -> Math.exp(GompertzFit.curve(p[1][0], p[1][1], t))
                                    + Math.exp(GompertzFit.curve(p[2][0], p[2][1], t))
                                    - Math.exp(GompertzFit.curve(p[0][0], p[0][1], t)));
                        }
                    };
            rhs = Math.max(0, rhs);
            delta[i] = lhs - rhs;
            if (ref == SynergyReference.RA) {
                double r = lhs / rhs;
                ratio[i] = r == Double.POSITIVE_INFINITY ? RATIO_CAP : r;
            } else {
                ratio[i] = Math.exp(delta[i]);
            }
        }
        return new double[][] {delta, ratio};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return TimeResolvedSynergy.quantile7(s, 0.5);
    }

    static SynergyEstimate[] summarise(SynergyReference ref, double[] delta, double[] ratio, double d) {
        int n = delta.length;
        double m = EndpointStatistics.mean(delta);
        double sd = EndpointStatistics.sd(delta, m).orElse(0);
        double[] sdel = delta.clone();
        Arrays.sort(sdel);
        double[] srat = ratio.clone();
        Arrays.sort(srat);
        int le0 = 0;
        int ge0 = 0;
        int le1 = 0;
        int ge1 = 0;
        for (int i = 0; i < n; i++) {
            le0 += delta[i] <= 0 ? 1 : 0;
            ge0 += delta[i] >= 0 ? 1 : 0;
            le1 += ratio[i] <= 1 ? 1 : 0;
            ge1 += ratio[i] >= 1 ? 1 : 0;
        }
        return new SynergyEstimate[] {
            new SynergyEstimate(
                    ref,
                    SynergyEstimate.CI,
                    TimeResolvedSynergy.quantile7(srat, 0.5),
                    TimeResolvedSynergy.quantile7(srat, 0.025),
                    TimeResolvedSynergy.quantile7(srat, 0.975),
                    2.0 * Math.min(le1, ge1) / n,
                    d),
            new SynergyEstimate(
                    ref,
                    SynergyEstimate.SS,
                    -TimeResolvedSynergy.quantile7(sdel, 0.5) / sd,
                    -TimeResolvedSynergy.quantile7(sdel, 0.975) / sd,
                    -TimeResolvedSynergy.quantile7(sdel, 0.025) / sd,
                    2.0 * Math.min(le0, ge0) / n,
                    d)
        };
    }
}
