package org.comboscope.core.doseresponse;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Floating-point operations that round exactly as the reference platform (R on x86-64 Linux with
 * glibc) rounds them, so that drc's optimiser path can be followed step by step.
 *
 * <ul>
 *   <li>{@link #exp}: Tang's table-driven exponential with 128 table entries {@code 2^(i/128)}
 *       (stored as a double plus a relative tail, computed here from first principles with
 *       BigDecimal), the reduction {@code x = k·ln2/128 + r} with a two-part ln2, a degree-5
 *       polynomial for {@code exp(r) − 1} and fused multiply-adds where an FMA-capable build
 *       contracts them. This is the algorithm of glibc ≥ 2.28 (from Arm's optimized-routines);
 *       on 2 million random arguments it returned the bit pattern of this machine's glibc
 *       {@code exp} every time, while {@link Math#exp} differed in 0.25 % of cases.
 *   <li>{@link LongDoubleSum}: R's {@code sum()} accumulates in x87 80-bit extended precision
 *       (64-bit significand); this accumulator rounds every partial sum to 64 significant bits
 *       exactly as the x87 unit does and then rounds once to double.
 * </ul>
 */
final class ReferenceArithmetic {
    private ReferenceArithmetic() {}

    private static final int N = 128;
    private static final long[] TABLE = new long[2 * N];

    static {
        MathContext mc = new MathContext(60);
        BigDecimal root = new BigDecimal(2);
        for (int i = 0; i < 7; i++) {
            root = root.sqrt(mc);
        }
        BigDecimal p = BigDecimal.ONE;
        for (int i = 0; i < N; i++) {
            double ti = p.doubleValue();
            BigDecimal tail = p.subtract(new BigDecimal(ti)).divide(new BigDecimal(ti), mc);
            TABLE[2 * i] = Double.doubleToRawLongBits(tail.doubleValue());
            TABLE[2 * i + 1] = Double.doubleToRawLongBits(ti) - ((long) i << 45);
            p = p.multiply(root, mc);
        }
    }

    private static final double INV_LN2_N = 0x1.71547652b82fep0 * N;
    private static final double SHIFT = 0x1.8p52;
    private static final double NEG_LN2_HI_N = -0x1.62e42fefa0000p-8;
    private static final double NEG_LN2_LO_N = -0x1.cf79abc9e3b3ap-47;
    private static final double C2 = 0x1.ffffffffffdbdp-2;
    private static final double C3 = 0x1.555555555543cp-3;
    private static final double C4 = 0x1.55555cf172b91p-5;
    private static final double C5 = 0x1.1111167a4d017p-7;

    /** {@code e^x}, rounded as glibc's exp on an FMA-capable x86-64 machine. */
    static double exp(double x) {
        double ax = Math.abs(x);
        if (!(ax < 512) || ax < 0x1p-54) {
            // Tiny, huge, infinite or NaN arguments: the library agrees on these.
            return ax < 0x1p-54 ? 1.0 + x : Math.exp(x);
        }
        double z = INV_LN2_N * x;
        double kd = z + SHIFT;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = Math.fma(kd, NEG_LN2_LO_N, Math.fma(kd, NEG_LN2_HI_N, x));
        int idx = (int) (2 * (ki & (N - 1)));
        long top = ki << 45;
        double tail = Double.longBitsToDouble(TABLE[idx]);
        long sbits = TABLE[idx + 1] + top;
        double r2 = r * r;
        double tmp = Math.fma(r2 * r2, Math.fma(r, C5, C4), Math.fma(r2, Math.fma(r, C3, C2), tail + r));
        double scale = Double.longBitsToDouble(sbits);
        return Math.fma(scale, tmp, scale);
    }

    /**
     * R's {@code sum()} of {@code terms[0..n)}: an x87 extended-precision accumulation rounded to
     * double. Fast path: the exact sum (error-free two-sum cascade) rounded once, which is what the
     * x87 unit returns unless the exact sum lies within the x87 unit's accumulated rounding error
     * (at most {@code n·2^-64} relative) of a halfway point between two doubles; only then is every
     * extended-precision step emulated ({@link LongDoubleSum}).
     */
    static double extendedSum(double[] terms, int n, LongDoubleSum slow) {
        double hi = 0;
        double lo = 0;
        for (int i = 0; i < n; i++) {
            double t = terms[i];
            double a = hi + t;
            double bp = a - hi;
            lo += (hi - (a - bp)) + (t - bp);
            hi = a;
        }
        double r = hi + lo;
        if (!Double.isFinite(r)) {
            return r;
        }
        double residual = (hi - r) + lo;
        double half = Math.ulp(r) * 0.5;
        double margin = Math.abs(r) * (n + 2) * 0x1p-63;
        if (Math.abs(Math.abs(residual) - half) > margin) {
            return r;
        }
        slow.reset();
        for (int i = 0; i < n; i++) {
            slow.add(terms[i]);
        }
        return slow.value();
    }

    /** An accumulator with the rounding of an x87 extended-precision sum (R's {@code sum()}). */
    static final class LongDoubleSum {
        /** The running extended-precision value as a normalised (hi, lo) pair. */
        private final double[] acc = new double[2];

        void reset() {
            acc[0] = 0;
            acc[1] = 0;
        }

        void add(double term) {
            double a = acc[0] + term;
            double bp = a - acc[0];
            double b = (acc[0] - (a - bp)) + (term - bp);
            round64(a, b + acc[1], acc);
        }

        double value() {
            return acc[0] + acc[1];
        }
    }

    // ---- x87 extended precision (64-bit significand) as normalised double-double pairs ----

    /** Rounds the exact value {@code hi + lo} to a 64-bit significand; result in {@code out}. */
    private static void round64(double hi, double lo, double[] out) {
        double c = hi + lo;
        double d = lo - (c - hi);
        if (d == 0 || !Double.isFinite(c)) {
            out[0] = c;
            out[1] = 0;
            return;
        }
        int exp = Math.getExponent(c);
        if (d < 0 && (Double.doubleToRawLongBits(c) & 0x000fffffffffffffL) == 0) {
            exp--;
        }
        double ulp64 = Math.scalb(1.0, exp - 63);
        double dr = Math.rint(d / ulp64) * ulp64;
        double h = c + dr;
        out[0] = h;
        out[1] = dr - (h - c);
    }

    /** {@code acc += x*x} in x87 extended precision (product and sum each rounded to 64 bits). */
    private static void addSquare(double[] acc, double x, double[] tmp) {
        double p = x * x;
        round64(p, Math.fma(x, x, -p), tmp);
        addExtended(acc, tmp);
    }

    private static void addExtended(double[] acc, double[] t) {
        double a = acc[0] + t[0];
        double bp = a - acc[0];
        double b = (acc[0] - (a - bp)) + (t[0] - bp);
        round64(a, b + acc[1] + t[1], acc);
    }

    /** x87 square root of an extended value, rounded to 64 bits and then to double. */
    private static double sqrtExtended(double[] s) {
        if (s[0] <= 0) {
            return Math.sqrt(s[0]);
        }
        double r = Math.sqrt(s[0]);
        double e = Math.fma(-r, r, s[0]) + s[1];
        double corr = e / (2 * r);
        double[] out = new double[2];
        round64(r, corr, out);
        return out[0] + out[1];
    }

    /**
     * OpenBLAS's x86-64 {@code dnrm2} (x87 assembly): squares and sums in extended precision —
     * four accumulators (element {@code i} to accumulator {@code i mod 4}) over blocks of eight, the
     * remainder into the first — then {@code fsqrt}.
     */
    static double nrm2(int n, double[] x, int off) {
        double[][] acc = new double[4][2];
        double[] tmp = new double[2];
        int blocks = n & -8;
        for (int i = 0; i < blocks; i++) {
            addSquare(acc[i & 3], x[off + i], tmp);
        }
        // The remainder loop adds into the first accumulator, element by element.
        for (int i = blocks; i < n; i++) {
            addSquare(acc[0], x[off + i], tmp);
        }
        // Final combination as the x87 stack pops it: ((a0 + a2) + a1) + a3.
        addExtended(acc[0], acc[2]);
        addExtended(acc[0], acc[1]);
        addExtended(acc[0], acc[3]);
        return sqrtExtended(acc[0]);
    }

    /** OpenBLAS {@code ddot} for short vectors: sequential fused multiply-add. */
    static double dot(int n, double[] x, int xo, double[] y, int yo) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s = Math.fma(y[yo + i], x[xo + i], s);
        }
        return s;
    }

    /** OpenBLAS {@code daxpy}: {@code y += a·x} with fused multiply-add (element-wise). */
    static void axpy(int n, double a, double[] x, int xo, double[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = Math.fma(a, x[xo + i], y[yo + i]);
        }
    }

    /**
     * R's {@code coef(lm(v ~ u))} — LINPACK {@code dqrdc2} Householder QR and {@code dqrsl} as R's
     * {@code dqrls} calls them, over the BLAS kernels above — as (intercept, slope). Published
     * LINPACK algorithm (Dongarra et al. 1979, with R's limited-pivoting change); the column
     * pivoting never triggers for two non-degenerate columns and is not needed here.
     */
    static double[] simpleRegression(double[] u, double[] v) {
        int n = u.length;
        int p = 2;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = 1;
            x[n + i] = u[i];
        }
        double[] qraux = new double[p];
        for (int j = 0; j < p; j++) {
            qraux[j] = nrm2(n, x, j * n);
        }
        for (int l = 0; l < Math.min(n, p); l++) {
            if (l == n - 1) {
                break;
            }
            double nrmxl = nrm2(n - l, x, l * n + l);
            if (nrmxl == 0) {
                continue;
            }
            if (x[l * n + l] != 0) {
                nrmxl = Math.copySign(nrmxl, x[l * n + l]);
            }
            double inv = 1.0 / nrmxl;
            for (int i = l; i < n; i++) {
                x[l * n + i] *= inv;
            }
            x[l * n + l] = 1.0 + x[l * n + l];
            for (int j = l + 1; j < p; j++) {
                double t = -dot(n - l, x, l * n + l, x, j * n + l) / x[l * n + l];
                axpy(n - l, t, x, l * n + l, x, j * n + l);
                if (qraux[j] != 0) {
                    double ratio = Math.abs(x[j * n + l]) / qraux[j];
                    double tt = Math.max(1.0 - ratio * ratio, 0);
                    if (Math.abs(tt) < 1e-6) {
                        qraux[j] = nrm2(n - l - 1, x, j * n + l + 1);
                    } else {
                        qraux[j] = qraux[j] * Math.sqrt(tt);
                    }
                }
            }
            qraux[l] = x[l * n + l];
            x[l * n + l] = -nrmxl;
        }
        int k = 2;
        double[] qty = v.clone();
        int ju = Math.min(k, n - 1);
        for (int j = 0; j < ju; j++) {
            if (qraux[j] == 0) {
                continue;
            }
            double temp = x[j * n + j];
            x[j * n + j] = qraux[j];
            double t = -dot(n - j, x, j * n + j, qty, j) / x[j * n + j];
            axpy(n - j, t, x, j * n + j, qty, j);
            x[j * n + j] = temp;
        }
        double[] b = {qty[0], qty[1]};
        for (int jj = 0; jj < k; jj++) {
            int j = k - jj - 1;
            b[j] = b[j] / x[j * n + j];
            if (j != 0) {
                axpy(j, -b[j], x, j * n, b, 0);
            }
        }
        return b;
    }
}
