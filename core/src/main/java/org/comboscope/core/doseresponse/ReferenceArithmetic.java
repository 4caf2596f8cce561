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
 *   <li>{@link #log}: the table-driven logarithm of the same family (glibc ≥ 2.28): {@code x = 2^k
 *       z} with {@code z} in {@code [0x1.6p-1, 0x1.6p0)} split into 128 subintervals, {@code
 *       log(x) = k·ln2 + log(c) + log1p(z/c − 1)} with a degree-5 polynomial, and a separate
 *       degree-11 polynomial for {@code |x − 1| < 1/16}. The table of {@code (1/c, log c)} pairs
 *       (chosen by the library's authors by a search, so not computable from a formula) and the
 *       polynomial coefficients are the data of the reference machine's {@code libm.so.6}
 *       (Debian glibc 2.36); on 8 million arguments it returned glibc's bit pattern every time,
 *       while {@link Math#log} differed in 4.5 of 10,000 cases.
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
        boolean large = ax >= 512;
        if (ax < 0x1p-54 || !(ax < 1024)) {
            // Tiny, overflowing, underflowing, infinite or NaN arguments: the library agrees on these.
            // (Infinities are answered here directly: exp(b·log 0) is on every fit with a zero dose.)
            if (ax < 0x1p-54) {
                return 1.0 + x;
            }
            return x == Double.NEGATIVE_INFINITY ? 0.0 : x == Double.POSITIVE_INFINITY ? x : Math.exp(x);
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
        if (large) {
            return expLarge(tmp, sbits, ki);
        }
        double scale = Double.longBitsToDouble(sbits);
        return Math.fma(scale, tmp, scale);
    }

    /**
     * {@code 512 ≤ |x| < 1024}: the exponent of {@code 2^(k/N)} may leave the double range, so the
     * scale is built with a shifted exponent and applied in two steps; results that land among the
     * subnormals are rounded once (glibc's special case).
     */
    private static double expLarge(double tmp, long sbits, long ki) {
        if ((ki & 0x80000000L) == 0) {
            double scale = Double.longBitsToDouble(sbits - (1009L << 52));
            return 0x1p1009 * Math.fma(scale, tmp, scale);
        }
        double scale = Double.longBitsToDouble(sbits + (1022L << 52));
        // The product is used twice here, so the compiler rounds it instead of fusing it.
        double product = scale * tmp;
        double y = scale + product;
        if (y < 1.0) {
            double lo = scale - y + product;
            double hi = 1.0 + y;
            lo = 1.0 - hi + y + lo;
            y = (hi + lo) - 1.0;
            if (y == 0.0) {
                y = 0.0;
            }
        }
        return 0x1p-1022 * y;
    }

    // ---- log: glibc's double-precision logarithm, evaluated with the FMA contraction of its x86-64 build ----

    private static final double LN2_HI = 0x1.62e42fefa3800p-1;
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    private static final double A0 = -0x1.0000000000001p-1;
    private static final double A1 = 0x1.555555551305bp-2;
    private static final double A2 = -0x1.fffffffeb4590p-3;
    private static final double A3 = 0x1.999b324f10111p-3;
    private static final double A4 = -0x1.55575e506c89fp-3;
    private static final double B0 = -0x1.0000000000000p-1;
    private static final double B1 = 0x1.5555555555577p-2;
    private static final double B2 = -0x1.ffffffffffdcbp-3;
    private static final double B3 = 0x1.999999995dd0cp-3;
    private static final double B4 = -0x1.55555556745a7p-3;
    private static final double B5 = 0x1.24924a344de30p-3;
    private static final double B6 = -0x1.fffffa4423d65p-4;
    private static final double B7 = 0x1.c7184282ad6cap-4;
    private static final double B8 = -0x1.999eb43b068ffp-4;
    private static final double B9 = 0x1.78182f7afd085p-4;
    private static final double B10 = -0x1.5521375d145cdp-4;
    private static final double[] LOG_TABLE = {
        0x1.734f0c3e0de9fp+0, -0x1.7cc7f79e69000p-2,
        0x1.713786a2ce91fp+0, -0x1.76feec20d0000p-2,
        0x1.6f26008fab5a0p+0, -0x1.713e31351e000p-2,
        0x1.6d1a61f138c7dp+0, -0x1.6b85b38287800p-2,
        0x1.6b1490bc5b4d1p+0, -0x1.65d5590807800p-2,
        0x1.69147332f0cbap+0, -0x1.602d076180000p-2,
        0x1.6719f18224223p+0, -0x1.5a8ca86909000p-2,
        0x1.6524f99a51ed9p+0, -0x1.54f4356035000p-2,
        0x1.63356aa8f24c4p+0, -0x1.4f637c36b4000p-2,
        0x1.614b36b9ddc14p+0, -0x1.49da7fda85000p-2,
        0x1.5f66452c65c4cp+0, -0x1.445923989a800p-2,
        0x1.5d867b5912c4fp+0, -0x1.3edf439b0b800p-2,
        0x1.5babccb5b90dep+0, -0x1.396ce448f7000p-2,
        0x1.59d61f2d91a78p+0, -0x1.3401e17bda000p-2,
        0x1.5805612465687p+0, -0x1.2e9e2ef468000p-2,
        0x1.56397cee76bd3p+0, -0x1.2941b3830e000p-2,
        0x1.54725e2a77f93p+0, -0x1.23ec58cda8800p-2,
        0x1.52aff42064583p+0, -0x1.1e9e129279000p-2,
        0x1.50f22dbb2bddfp+0, -0x1.1956d2b48f800p-2,
        0x1.4f38f4734ded7p+0, -0x1.141679ab9f800p-2,
        0x1.4d843cfde2840p+0, -0x1.0edd094ef9800p-2,
        0x1.4bd3ec078a3c8p+0, -0x1.09aa518db1000p-2,
        0x1.4a27fc3e0258ap+0, -0x1.047e65263b800p-2,
        0x1.4880524d48434p+0, -0x1.feb224586f000p-3,
        0x1.46dce1b192d0bp+0, -0x1.f474a7517b000p-3,
        0x1.453d9d3391854p+0, -0x1.ea4443d103000p-3,
        0x1.43a2744b4845ap+0, -0x1.e020d44e9b000p-3,
        0x1.420b54115f8fbp+0, -0x1.d60a22977f000p-3,
        0x1.40782da3ef4b1p+0, -0x1.cc00104959000p-3,
        0x1.3ee8f5d57fe8fp+0, -0x1.c202956891000p-3,
        0x1.3d5d9a00b4ce9p+0, -0x1.b81178d811000p-3,
        0x1.3bd60c010c12bp+0, -0x1.ae2c9ccd3d000p-3,
        0x1.3a5242b75dab8p+0, -0x1.a45402e129000p-3,
        0x1.38d22cd9fd002p+0, -0x1.9a877681df000p-3,
        0x1.3755bc5847a1cp+0, -0x1.90c6d69483000p-3,
        0x1.35dce49ad36e2p+0, -0x1.87120a645c000p-3,
        0x1.34679984dd440p+0, -0x1.7d68fb4143000p-3,
        0x1.32f5cceffcb24p+0, -0x1.73cb83c627000p-3,
        0x1.3187775a10d49p+0, -0x1.6a39a9b376000p-3,
        0x1.301c8373e3990p+0, -0x1.60b3154b7a000p-3,
        0x1.2eb4ebb95f841p+0, -0x1.5737d76243000p-3,
        0x1.2d50a0219a9d1p+0, -0x1.4dc7b8fc23000p-3,
        0x1.2bef9a8b7fd2ap+0, -0x1.4462c51d20000p-3,
        0x1.2a91c7a0c1babp+0, -0x1.3b08abc830000p-3,
        0x1.293726014b530p+0, -0x1.31b996b490000p-3,
        0x1.27dfa5757a1f5p+0, -0x1.2875490a44000p-3,
        0x1.268b39b1d3bbfp+0, -0x1.1f3b9f879a000p-3,
        0x1.2539d838ff5bdp+0, -0x1.160c8252ca000p-3,
        0x1.23eb7aac9083bp+0, -0x1.0ce7f57f72000p-3,
        0x1.22a012ba940b6p+0, -0x1.03cdc49fea000p-3,
        0x1.2157996cc4132p+0, -0x1.f57bdbc4b8000p-4,
        0x1.201201dd2fc9bp+0, -0x1.e370896404000p-4,
        0x1.1ecf4494d480bp+0, -0x1.d17983ef94000p-4,
        0x1.1d8f5528f6569p+0, -0x1.bf9674ed8a000p-4,
        0x1.1c52311577e7cp+0, -0x1.adc79202f6000p-4,
        0x1.1b17c74cb26e9p+0, -0x1.9c0c3e7288000p-4,
        0x1.19e010c2c1ab6p+0, -0x1.8a646b372c000p-4,
        0x1.18ab07bb670bdp+0, -0x1.78d01b3ac0000p-4,
        0x1.1778a25efbcb6p+0, -0x1.674f145380000p-4,
        0x1.1648d354c31dap+0, -0x1.55e0e6d878000p-4,
        0x1.151b990275fddp+0, -0x1.4485cdea1e000p-4,
        0x1.13f0ea432d24cp+0, -0x1.333d94d6aa000p-4,
        0x1.12c8b7210f9dap+0, -0x1.22079f8c56000p-4,
        0x1.11a3028ecb531p+0, -0x1.10e4698622000p-4,
        0x1.107fbda8434afp+0, -0x1.ffa6c6ad20000p-5,
        0x1.0f5ee0f4e6bb3p+0, -0x1.dda8d4a774000p-5,
        0x1.0e4065d2a9fcep+0, -0x1.bbcece4850000p-5,
        0x1.0d244632ca521p+0, -0x1.9a1894012c000p-5,
        0x1.0c0a77ce2981ap+0, -0x1.788583302c000p-5,
        0x1.0af2f83c636d1p+0, -0x1.5715e67d68000p-5,
        0x1.09ddb98a01339p+0, -0x1.35c8a49658000p-5,
        0x1.08cabaf52e7dfp+0, -0x1.149e364154000p-5,
        0x1.07b9f2f4e28fbp+0, -0x1.e72c082eb8000p-6,
        0x1.06ab58c358f19p+0, -0x1.a55f152528000p-6,
        0x1.059eea5ecf92cp+0, -0x1.63d62cf818000p-6,
        0x1.04949cdd12c90p+0, -0x1.228fb8caa0000p-6,
        0x1.038c6c6f0ada9p+0, -0x1.c317b20f90000p-7,
        0x1.02865137932a9p+0, -0x1.419355daa0000p-7,
        0x1.0182427ea7348p+0, -0x1.81203c2ec0000p-8,
        0x1.008040614b195p+0, -0x1.0040979240000p-9,
        0x1.fe01ff726fa1ap-1, 0x1.feff384900000p-9,
        0x1.fa11cc261ea74p-1, 0x1.7dc41353d0000p-7,
        0x1.f6310b081992ep-1, 0x1.3cea3c4c28000p-6,
        0x1.f25f63ceeadcdp-1, 0x1.b9fc114890000p-6,
        0x1.ee9c8039113e7p-1, 0x1.1b0d8ce110000p-5,
        0x1.eae8078cbb1abp-1, 0x1.58a5bd001c000p-5,
        0x1.e741aa29d0c9bp-1, 0x1.95c8340d88000p-5,
        0x1.e3a91830a99b5p-1, 0x1.d276aef578000p-5,
        0x1.e01e009609a56p-1, 0x1.07598e598c000p-4,
        0x1.dca01e577bb98p-1, 0x1.253f5e30d2000p-4,
        0x1.d92f20b7c9103p-1, 0x1.42edd8b380000p-4,
        0x1.d5cac66fb5ccep-1, 0x1.606598757c000p-4,
        0x1.d272caa5ede9dp-1, 0x1.7da76356a0000p-4,
        0x1.cf26e3e6b2ccdp-1, 0x1.9ab434e1c6000p-4,
        0x1.cbe6da2a77902p-1, 0x1.b78c7bb0d6000p-4,
        0x1.c8b266d37086dp-1, 0x1.d431332e72000p-4,
        0x1.c5894bd5d5804p-1, 0x1.f0a3171de6000p-4,
        0x1.c26b533bb9f8cp-1, 0x1.067152b914000p-3,
        0x1.bf583eeece73fp-1, 0x1.147858292b000p-3,
        0x1.bc4fd75db96c1p-1, 0x1.2266ecdca3000p-3,
        0x1.b951e0c864a28p-1, 0x1.303d7a6c55000p-3,
        0x1.b65e2c5ef3e2cp-1, 0x1.3dfc33c331000p-3,
        0x1.b374867c9888bp-1, 0x1.4ba366b7a8000p-3,
        0x1.b094b211d304ap-1, 0x1.5933928d1f000p-3,
        0x1.adbe885f2ef7ep-1, 0x1.66acd2418f000p-3,
        0x1.aaf1d31603da2p-1, 0x1.740f8ec669000p-3,
        0x1.a82e63fd358a7p-1, 0x1.815c0f51af000p-3,
        0x1.a5740ef09738bp-1, 0x1.8e92954f68000p-3,
        0x1.a2c2a90ab4b27p-1, 0x1.9bb3602f84000p-3,
        0x1.a01a01393f2d1p-1, 0x1.a8bed1c2c0000p-3,
        0x1.9d79f24db3c1bp-1, 0x1.b5b515c01d000p-3,
        0x1.9ae2505c7b190p-1, 0x1.c2967ccbcc000p-3,
        0x1.9852ef297ce2fp-1, 0x1.cf635d5486000p-3,
        0x1.95cbaeea44b75p-1, 0x1.dc1bd3446c000p-3,
        0x1.934c69de74838p-1, 0x1.e8c01b8cfe000p-3,
        0x1.90d4f2f6752e6p-1, 0x1.f5509c0179000p-3,
        0x1.8e6528effd79dp-1, 0x1.00e6c121fb800p-2,
        0x1.8bfce9fcc007cp-1, 0x1.071b80e93d000p-2,
        0x1.899c0dabec30ep-1, 0x1.0d46b9e867000p-2,
        0x1.87427aa2317fbp-1, 0x1.13687334bd000p-2,
        0x1.84f00acb39a08p-1, 0x1.1980d67234800p-2,
        0x1.82a49e8653e55p-1, 0x1.1f8ffe0cc8000p-2,
        0x1.8060195f40260p-1, 0x1.2595fd7636800p-2,
        0x1.7e22563e0a329p-1, 0x1.2b9300914a800p-2,
        0x1.7beb377dcb5adp-1, 0x1.3187210436000p-2,
        0x1.79baa679725c2p-1, 0x1.377266dec1800p-2,
        0x1.77907f2170657p-1, 0x1.3d54ffbaf3000p-2,
        0x1.756cadbd6130cp-1, 0x1.432eee32fe000p-2,
    };

    private static final long LOG_OFF = 0x3fe6000000000000L;
    private static final long NEAR1_LO = Double.doubleToRawLongBits(1.0 - 0x1p-4);
    private static final long NEAR1_HI = Double.doubleToRawLongBits(1.0 + 0x1.09p-4);

    /** Natural logarithm, rounded as glibc's log on an FMA-capable x86-64 machine. */
    static double log(double x) {
        long ix = Double.doubleToRawLongBits(x);
        if (Long.compareUnsigned(ix - NEAR1_LO, NEAR1_HI - NEAR1_LO) < 0) {
            return logNear1(x, ix);
        }
        if (!(x >= 0x1p-1022 && x <= Double.MAX_VALUE)) {
            // Zero (log of a zero dose), subnormal, negative, infinite or NaN arguments.
            return x == 0 ? Double.NEGATIVE_INFINITY : Math.log(x);
        }
        long tmp = ix - LOG_OFF;
        int i = (int) ((tmp >>> 45) & 127);
        double kd = tmp >> 52;
        double invc = LOG_TABLE[2 * i];
        double logc = LOG_TABLE[2 * i + 1];
        double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
        // r = z/c - 1 with one rounding; k*ln2hi + log(c) is exact by the table's construction.
        double r = Math.fma(z, invc, -1.0);
        double w = Math.fma(kd, LN2_HI, logc);
        double hi = w + r;
        double lo = Math.fma(kd, LN2_LO, w - hi + r);
        double r2 = r * r;
        double poly = Math.fma(r2, Math.fma(r, A4, A3), Math.fma(r, A2, A1));
        return Math.fma(r * r2, poly, Math.fma(r2, A0, lo)) + hi;
    }

    /** {@code log(x)} for {@code 1 − 2^-4 ≤ x < 1 + 0x1.09p-4}: {@code r − r²/2} in double-double plus a polynomial. */
    private static double logNear1(double x, long ix) {
        if (ix == 0x3ff0000000000000L) {
            return 0;
        }
        double r = x - 1.0;
        double r2 = r * r;
        double r3 = r * r2;
        double p = Math.fma(
                r3,
                Math.fma(
                        r3,
                        Math.fma(r3, B10, Math.fma(r2, B9, Math.fma(r, B8, B7))),
                        Math.fma(r2, B6, Math.fma(r, B5, B4))),
                Math.fma(r2, B3, Math.fma(r, B2, B1)));
        // Split r into a 26-bit head and a tail so that r_hi² is exact.
        double w = r * 0x1p27;
        double rhi = r + w - w;
        double rlo = r - rhi;
        w = rhi * rhi * B0;
        double hi = r + w;
        double lo = r - hi + w;
        lo = Math.fma(B0 * rlo, rhi + r, lo);
        return Math.fma(r3, p, lo) + hi;
    }

    /**
     * R's {@code sum()} of the non-negative {@code terms[0..n)}: an x87 extended-precision
     * accumulation rounded to double. Fast path: the exact sum (error-free two-sum cascade) rounded
     * once. That is what the x87 unit returns unless the exact sum {@code S} lies within the x87
     * unit's accumulated rounding error of a halfway point between two doubles: {@code n − 1}
     * roundings to a 64-bit significand, each at most {@code 2^-64} of a partial sum, and partial
     * sums of non-negative terms never exceed {@code S}, so at most {@code (n − 1)·2^-64·S}. Only
     * within {@code n·2^-64·S} of a halfway point (about one call in 700 for six terms) is every
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
        return roundExtendedSum(hi, lo, terms, n, slow);
    }

    /**
     * The second half of {@link #extendedSum}: {@code hi + lo} is the exact sum of the non-negative
     * {@code terms[0..n)} as the two-sum cascade left it.
     */
    static double roundExtendedSum(double hi, double lo, double[] terms, int n, LongDoubleSum slow) {
        double r = hi + lo;
        if (!Double.isFinite(r)) {
            return r;
        }
        double residual = (hi - r) + lo;
        long bits = Double.doubleToRawLongBits(r) & 0x7ff0000000000000L;
        // Half a unit in the last place of r (exact power of two), without Math.ulp's general path.
        double half = bits > (54L << 52) ? Double.longBitsToDouble(bits - (53L << 52)) : Math.ulp(r) * 0.5;
        double margin = r * n * 0x1p-64;
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
        double dr;
        if (exp >= -959) {
            // 2^(exp−63) and 2^(63−exp) are both normal: scaling by either is exact, so the
            // multiplication equals the division by the unit, without Math.scalb's general path.
            dr = Math.rint(d * Double.longBitsToDouble((long) (1086 - exp) << 52))
                    * Double.longBitsToDouble((long) (exp + 960) << 52);
        } else {
            double ulp64 = Math.scalb(1.0, exp - 63);
            dr = Math.rint(d / ulp64) * ulp64;
        }
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
