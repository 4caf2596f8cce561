package org.comboscope.core.synergy;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Synthetic combination screens for benchmarks: each block is a {@code size × size} dose matrix
 * (0 plus {@code size − 1} threefold dilutions around the drugs' EC50) drawn from a MuSyC model under
 * detailed balance (γ = 1, Meyer et al. 2019):
 *
 * <pre>
 * E = (C1^h1 C2^h2 E0 + d1^h1 C2^h2 E1 + C1^h1 d2^h2 E2 + α d1^h1 d2^h2 E3)
 *   / (C1^h1 C2^h2 + d1^h1 C2^h2 + C1^h1 d2^h2 + α d1^h1 d2^h2)
 * </pre>
 *
 * with E in % viability, E0 = 100, Ei = 100 − Emax_i, and E3 = min(E1, E2) − β (E0 − min(E1, E2)).
 * Per block: EC50 log-uniform in [0.01, 10] µM, Hill slope h in [0.7, 3], Emax in [40, 100] %,
 * log10 α ~ N(0, 0.5) and β ~ N(0, 0.2) (synergy drawn around additivity), then Gaussian noise of
 * {@code noiseSd} % viability per well. Deterministic for a seed; not thread-safe.
 */
public final class ScreenSimulator {
    private final int size;
    private final double noiseSd;
    private final RandomGenerator rng;
    private long blocks;

    /**
     * @param size doses per drug including 0, ≥ 2
     * @param noiseSd standard deviation of the well noise in % viability, ≥ 0
     * @param seed seed of every draw
     */
    public ScreenSimulator(int size, double noiseSd, long seed) {
        if (size < 2) {
            throw new org.comboscope.core.error.InvalidInputException("size", size, "must be >= 2");
        }
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
            throw new org.comboscope.core.error.InvalidInputException("noise", noiseSd, "must be finite and >= 0");
        }
        this.size = size;
        this.noiseSd = noiseSd;
        this.rng = new Well19937c(seed);
    }

    /**
     * One simulated block: row r has concentrations {@code conc1Um[r]}, {@code conc2Um[r]} (µM) and
     * response {@code viabilityPercent[r]}; {@code alpha} and {@code beta} are the MuSyC synergy
     * parameters drawn for it.
     */
    public record Block(
            String blockId,
            String drug1,
            String drug2,
            double[] conc1Um,
            double[] conc2Um,
            double[] viabilityPercent,
            double alpha,
            double beta) {}

    /** The next block of the screen. */
    public Block next() {
        blocks++;
        double ec1 = Math.pow(10, -2 + 3 * rng.nextDouble());
        double ec2 = Math.pow(10, -2 + 3 * rng.nextDouble());
        double h1 = 0.7 + 2.3 * rng.nextDouble();
        double h2 = 0.7 + 2.3 * rng.nextDouble();
        double e0 = 100;
        double e1 = 100 - (40 + 60 * rng.nextDouble());
        double e2 = 100 - (40 + 60 * rng.nextDouble());
        double alpha = Math.pow(10, 0.5 * rng.nextGaussian());
        double beta = 0.2 * rng.nextGaussian();
        double emin = Math.min(e1, e2);
        double e3 = emin - beta * (e0 - emin);
        int n = size * size;
        double[] c1 = new double[n];
        double[] c2 = new double[n];
        double[] v = new double[n];
        double[] d1 = doses(ec1);
        double[] d2 = doses(ec2);
        double c1h = Math.pow(ec1, h1);
        double c2h = Math.pow(ec2, h2);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int r = i * size + j;
                c1[r] = d1[i];
                c2[r] = d2[j];
                double a = Math.pow(d1[i], h1);
                double b = Math.pow(d2[j], h2);
                double num = c1h * c2h * e0 + a * c2h * e1 + c1h * b * e2 + alpha * a * b * e3;
                double den = c1h * c2h + a * c2h + c1h * b + alpha * a * b;
                v[r] = num / den + noiseSd * rng.nextGaussian();
            }
        }
        String id = Long.toString(blocks);
        return new Block(id, "drugA" + blocks, "drugB" + blocks, c1, c2, v, alpha, beta);
    }

    /** 0, then threefold dilutions whose middle lies at the EC50, rounded to 4 significant digits. */
    private double[] doses(double ec50) {
        double[] d = new double[size];
        double top = ec50 * Math.pow(3, (size - 2) / 2.0);
        for (int k = 1; k < size; k++) {
            double x = top / Math.pow(3, size - 1 - k);
            d[k] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", x));
        }
        return d;
    }
}
