package org.comboscope.core.screen;

import java.util.Arrays;

/**
 * The RRA permutation null of one sgRNA-count class, computed without materialising and sorting
 * the {@code genes x passes} null lo-values, with results bit-identical to {@link Rra}'s reference
 * computation (sort the null, then {@code bTreeSearchingF} at {@code lo -/+ 1e-9}).
 *
 * <p>How: {@code bTreeSearchingF} on a sorted array only depends on how many null values lie below
 * the query and on the two values around it. So the queries of the class are sorted once and every
 * null value is binned among them; only null values inside a window {@code [lower, upper]} around
 * the queries are computed exactly (the extreme ones only need to be counted). The window is placed
 * after a pilot of exactly computed draws (the class's first ones), a few pilot values beyond the
 * outermost queries on each side, so that the bins next to the window hold exact neighbours. A null lo-value is
 * the minimum over beta CDFs of the draw's order statistics; a CDF evaluation is skipped where a
 * precomputed, conservative threshold on the uniform proves it cannot lower the minimum. The draws
 * are the same Park-Miller stream, consumed in the same order: the k-th value of a draw that starts
 * from state {@code x} is {@code x * 48271^k mod (2^31 - 1)} (exact modular arithmetic), so the
 * values of a draw are computed independently of each other from the draw's start state (a loop
 * the JIT vectorises), and the next draw starts from {@code x * 48271^n}.
 *
 * <p>Draws far outside the window are recognised from a few counts over their uniforms (see
 * {@link Certificates}) without evaluating any CDF: first by packed counts (one table look-up per
 * value, branch-free), then by exact per-rank counts.
 *
 * <p>In the small classes (at most {@code SMALL_CLASS} sgRNAs, no certificates) a draw's lo-value is
 * first approximated by products and sums only ({@code approxLo}, within a relative {@code DELTA}
 * = 1e-11 of {@code orderStatCdf}, whose true distance is below 1e-14): a draw whose interval
 * {@code [lo (1 - DELTA), lo (1 + DELTA)]} lies within one bin (or outside the window) is binned by
 * it; the others are computed exactly. A bin's extremes are then known within DELTA; where a
 * neighbour comparison of bTreeSearchingF is closer than that, the class is recomputed exactly.
 *
 * <p>If a bin that must provide a neighbour value holds no exactly computed value, that side of the
 * window is dropped and the class recomputed from its saved stream position; a null value equal to
 * a query (never seen in practice) sends the class to the reference computation.
 */
final class RraPermutation {
    private static final long M = ParkMiller.MODULUS;
    /** Bits of the double mantissa kept by the threshold levels (4 levels per octave). */
    private static final int LEVEL_SHIFT = 50;
    /** Smallest cap for which thresholds are used (below it every CDF is evaluated). */
    private static final double MIN_LEVEL = 1e-200;

    private static final int KEY_MIN = (int) (Double.doubleToRawLongBits(MIN_LEVEL) >>> LEVEL_SHIFT);
    private static final int KEY_MAX = (int) (Double.doubleToRawLongBits(1.0) >>> LEVEL_SHIFT);
    /** Relative safety margin of the thresholds over the level (CDF rounding error is ~1e-13). */
    private static final double MARGIN = 1e-9;

    /** Classes with more sgRNAs per gene than this use the certificates of {@link Certificates}. */
    private static final int SMALL_CLASS = 8;

    /** Buckets of [0, 1] indexing the sorted queries. */
    private static final int QBUCKETS = 1 << 16;

    /** Draws computed exactly first, to place the window (see {@link #binned}). */
    private static final int PILOT = 5000;

    /** Relative bound on |approxCdf - orderStatCdf| (the true difference is below 1e-14). */
    private static final double DELTA = 1e-11;

    /** Layout of a bin's record in {@code binned}: count, maximum, minimum, flags. */
    private static final int BIN_STRIDE = 4;

    private static final int BIN_MAX = 1;
    private static final int BIN_MIN = 2;
    private static final int BIN_FLAGS = 3;
    /** Bin flags: holds a value of the window; holds an approximate value. */
    private static final long EXACT = 1;

    private static final long APPROX = 2;

    /** Draws per batch of {@link #fastDraws}. */
    private static final int FAST_BATCH = 256;

    /** Branch-free comparisons that find a bin in {@link #fastDraws} (more queries: a search). */
    private static final int FAST_COMPARES = 4;

    /** {@code BINOMIAL[n][j] = C(n, j)} for the small classes (exact integers). */
    private static final double[][] BINOMIAL = new double[SMALL_CLASS + 1][];

    static {
        for (int n = 0; n <= SMALL_CLASS; n++) {
            BINOMIAL[n] = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                BINOMIAL[n][j] = MageckMath.binomial(n, j);
            }
        }
    }

    /** Pilot draws that choose the packed count fields of the certificates. */
    private static final int PACK_PILOT = 2000;

    /** Count fields of the packed certificates (two longs of eight). */
    private static final int FIELDS = 16;

    /** Most down fields of the packed certificates. */
    private static final int MAX_DOWN_FIELDS = 6;

    /** Kinds of packed count fields (see {@code Certificates.pack}). */
    private static final int UP = 0;

    private static final int DOWN = 1;
    private static final int FIRST_UP = 2;
    private static final int SUB = 3;

    /** Bucket bits of the packed certificates' increment tables (2048 buckets). */
    private static final int PACK_SHIFT = 20;

    /** Pilot values kept between the outermost queries and each window edge. */
    private static final int WINDOW_MARGIN = 3;

    /** Marks a null value equal to a query. */
    private static final long[] TIE = new long[0];

    private final int n;
    /** Set by {@link #binned}: the window's lower / upper side held no exact neighbour. */
    private boolean lowFailed;

    private boolean highFailed;

    /** Whether small classes bin draws by an approximate lo-value where it decides (see binned). */
    private boolean approximate = true;

    /** Set by {@link #binned}: an approximate neighbour was too close to call. */
    private boolean approximationFailed;

    /** A draw's values in {@link #fastDraws}. */
    private final long[] fastVals;

    /** Start states and approximate lo-values of a batch of draws in {@link #fastDraws}. */
    private final long[] fastStarts = new long[FAST_BATCH];

    private final double[] fastLo = new double[FAST_BATCH];

    private final long alphaSeed;
    private final long halfSeed;
    /** {@code pow[k] = 48271^(k+1) mod M}, k = 0..n-1: a draw's values are {@code mulMod(start, pow[k])}. */
    private final long[] pow;
    /** {@code thr[i][key - KEY_MIN]}: 0 = not computed yet; else skip F_i when seed in [thr, halfSeed]. */
    private final int[][] thr;

    private RraPermutation(int n, double alpha) {
        this.n = n;
        this.alphaSeed = largestSeedAtMost(alpha);
        this.halfSeed = largestSeedAtMost(0.5);
        this.thr = new int[n + 1][];
        this.fastVals = new long[n];
        this.pow = new long[n];
        pow[0] = A1;
        for (int k = 1; k < n; k++) {
            pow[k] = mulMod(pow[k - 1], A1);
        }
    }

    /** The largest seed s in [0, M) with {@code (double) s / M <= x}. */
    static long largestSeedAtMost(double x) {
        if (!(x > 0)) {
            return 0;
        }
        if (x >= 1) {
            return M - 1;
        }
        long s = (long) Math.floor(x * M);
        while (s + 1 < M && (double) (s + 1) / M <= x) {
            s++;
        }
        while (s > 0 && (double) s / M > x) {
            s--;
        }
        return s;
    }

    /**
     * Permutation p-values of one class.
     *
     * @param n sgRNAs per gene of the class
     * @param draws null draws ({@code genes x passes})
     * @param startSeed Park-Miller state before the class's first draw
     * @param geneLo lo-values of the genes of the class
     * @param alpha RRA alpha
     * @return p per entry of {@code geneLo}, or {@code null} if a null value equals a query
     */
    static double[] classP(int n, long draws, long startSeed, double[] geneLo, double alpha) {
        RraPermutation c = new RraPermutation(n, alpha);
        double[] queries = new double[2 * geneLo.length];
        for (int i = 0; i < geneLo.length; i++) {
            queries[2 * i] = geneLo[i] - 0.000000001;
            queries[2 * i + 1] = geneLo[i] + 0.000000001;
        }
        double[] q = Arrays.stream(queries).sorted().distinct().toArray();
        boolean low = true;
        boolean high = true;
        while (true) {
            long[] idx = c.binned(draws, startSeed, q, low, high);
            if (idx == TIE) {
                return null;
            }
            if (idx != null) {
                double[] p = new double[geneLo.length];
                for (int i = 0; i < geneLo.length; i++) {
                    long b1 = idx[Arrays.binarySearch(q, queries[2 * i])];
                    long b2 = idx[Arrays.binarySearch(q, queries[2 * i + 1])];
                    p[i] = (double) (b1 + b2 + 1) / 2 / draws;
                }
                return p;
            }
            if (c.approximationFailed) {
                c.approximate = false;
                c.approximationFailed = false;
                continue;
            }
            // widen the failed side(s) only
            low &= !c.lowFailed;
            high &= !c.highFailed;
        }
    }
    /**
     * bTreeSearchingF index of every query in the sorted null; {@link #TIE}; or {@code null} if the
     * window was too narrow on a side ({@link #lowFailed}, {@link #highFailed}).
     */
    private long[] binned(long draws, long startSeed, double[] q, boolean windowLow, boolean windowHigh) {
        int nq = q.length;
        // per bin (one cache line): count, maximum and minimum (raw bits of non-negative doubles,
        // ordered as longs; -1 and Long.MAX_VALUE when none), flags (EXACT, APPROX)
        long[] rec = new long[BIN_STRIDE * (nq + 1)];
        for (int b = 0; b <= nq; b++) {
            rec[BIN_STRIDE * b + BIN_MAX] = -1;
            rec[BIN_STRIDE * b + BIN_MIN] = Long.MAX_VALUE;
        }
        boolean fast = approximate && n <= SMALL_CLASS;
        // the pilot draws are computed exactly; the window is then placed around the queries so that
        // a few pilot values lie between it and the queries on each side
        long pilot = windowLow || windowHigh ? Math.min(draws, PILOT) : 0;
        double[] pilotLo = new double[(int) pilot];
        double lower = Double.NEGATIVE_INFINITY;
        boolean windowTop = false;
        double cap0 = 1.0;
        boolean prunable = false;
        long collect = alphaSeed;
        Certificates cert = null;
        long advanceDraw = pow[n - 1];
        long[] vals = new long[n];
        long start = startSeed; // state before the current draw's first value
        long[] coll = new long[n + 1];
        // qStart[j]: first query >= j / QBUCKETS, to narrow the search of a value's bin
        int[] qStart = new int[QBUCKETS + 2];
        for (int j = 0; j <= QBUCKETS + 1; j++) {
            qStart[j] = lowerBound(q, (double) j / QBUCKETS);
        }
        // qp[t + 1] = q[t], between -inf and +inf (see fastDraws)
        double[] qp = new double[nq + 2 + FAST_COMPARES];
        Arrays.fill(qp, Double.POSITIVE_INFINITY);
        qp[0] = Double.NEGATIVE_INFINITY;
        System.arraycopy(q, 0, qp, 1, nq);
        for (long d = 0; d < draws; d++) {
            if (d == pilot) {
                double[] sorted = pilotLo.clone();
                Arrays.sort(sorted);
                if (windowLow) {
                    int below = lowerBound(sorted, q[0]);
                    if (below > WINDOW_MARGIN) {
                        lower = sorted[below - WINDOW_MARGIN - 1];
                    }
                }
                if (windowHigh) {
                    int above = lowerBound(sorted, Math.nextUp(q[nq - 1]));
                    if (above + WINDOW_MARGIN < sorted.length) {
                        double u = sorted[above + WINDOW_MARGIN];
                        windowTop = u < 1;
                        cap0 = windowTop ? u : 1.0;
                    }
                }
                prunable = alphaSeed <= halfSeed && cap0 >= MIN_LEVEL;
                // values <= collect are kept: every sub-alpha value whose CDF may fall below cap0
                if (prunable) {
                    long smax = 0;
                    int key = levelKey(cap0);
                    for (int i = 1; i <= n; i++) {
                        smax = Math.max(smax, threshold(i, key));
                    }
                    collect = Math.min(alphaSeed, smax - 1);
                }
                cert = n > SMALL_CLASS && prunable ? certificates(cap0, windowTop, lower) : null;
                if (cert != null && cert.down != null) {
                    cert.mostlyBelow = lowerBound(sorted, lower) > sorted.length / 2;
                }
                if (cert != null && !cert.mostlyBelow) {
                    cert.pack(startSeed, (int) Math.min(pilot, PACK_PILOT));
                }
            }
            if (cert != null) {
                long decided = cert.decide(start, draws - d);
                rec[0] += cert.below;
                rec[BIN_STRIDE * nq] += cert.above;
                start = cert.next;
                d += decided;
                if (d == draws) {
                    break;
                }
            }
            if (fast && d >= pilot) {
                long done = fastDraws(start, draws - d, q, qp, qStart, rec, lower, cap0, windowTop);
                start = fastNext;
                d += done;
                if (d == draws) {
                    break;
                }
            }
            long drawStart = start;
            start = mulMod(start, advanceDraw);
            int k = 0;
            long min = Long.MAX_VALUE;
            // branch-free: the comparisons have random outcomes
            values(drawStart, vals);
            for (int j = 0; j < n; j++) {
                long s = vals[j];
                coll[k] = s;
                k += (int) ((s - collect - 1) >>> 63);
                long diff = s - min;
                min += diff & (diff >> 63);
            }
            double lo = cap0;
            if (min > alphaSeed) {
                // no value <= alpha: RRA uses the smallest one
                double f = MageckMath.orderStatCdf(1, n, (double) min / M, lo);
                if (f < lo) {
                    lo = f;
                }
            } else if (k > 0) {
                insertionSort(coll, k);
                for (int i = 0; i < k && lo >= lower; i++) {
                    long s = coll[i];
                    if (prunable && lo >= MIN_LEVEL && s >= threshold(i + 1, levelKey(lo))) {
                        continue;
                    }
                    double f = MageckMath.orderStatCdf(i + 1, n, (double) s / M, lo);
                    if (f < lo) {
                        lo = f;
                    }
                }
            }
            if (d < pilot) {
                pilotLo[(int) d] = lo;
            }
            if (lo < lower) {
                rec[0]++;
            } else if (windowTop && lo >= cap0) {
                rec[BIN_STRIDE * nq]++;
            } else {
                int j = (int) (lo * QBUCKETS);
                int b = Arrays.binarySearch(q, qStart[j], qStart[j + 1], lo);
                if (b >= 0) {
                    // exact tie with a query: only the reference search order settles it
                    return TIE;
                }
                b = -b - 1;
                int r = BIN_STRIDE * b;
                rec[r]++;
                rec[r + BIN_FLAGS] |= EXACT;
                long bits = Double.doubleToRawLongBits(lo);
                if (bits > rec[r + BIN_MAX]) {
                    rec[r + BIN_MAX] = bits;
                }
                if (bits < rec[r + BIN_MIN]) {
                    rec[r + BIN_MIN] = bits;
                }
            }
        }
        // neighbours must be exact: bin 0's maximum and bin nq's minimum come from the window
        long[] count = new long[nq + 1];
        double[] bmax = new double[nq + 1];
        double[] bmin = new double[nq + 1];
        boolean[] exact = new boolean[nq + 1];
        // bins holding an approximate value (see fastDraws): their extremes are known within DELTA
        boolean[] approxBin = new boolean[nq + 1];
        for (int b = 0; b <= nq; b++) {
            int r = BIN_STRIDE * b;
            count[b] = rec[r];
            bmax[b] = rec[r + BIN_MAX] < 0 ? Double.NEGATIVE_INFINITY : Double.longBitsToDouble(rec[r + BIN_MAX]);
            bmin[b] = rec[r + BIN_MIN] == Long.MAX_VALUE
                    ? Double.POSITIVE_INFINITY
                    : Double.longBitsToDouble(rec[r + BIN_MIN]);
            exact[b] = (rec[r + BIN_FLAGS] & EXACT) != 0;
            approxBin[b] = (rec[r + BIN_FLAGS] & APPROX) != 0;
        }
        lowFailed = count[0] > 0 && !exact[0];
        highFailed = count[nq] > 0 && !exact[nq];
        if (lowFailed || highFailed) {
            return null;
        }
        double[] minFrom = new double[nq + 2];
        minFrom[nq + 1] = Double.NaN;
        for (int u = nq; u >= 0; u--) {
            minFrom[u] = count[u] > 0 ? bmin[u] : minFrom[u + 1];
        }
        long[] idx = new long[nq];
        long below = 0;
        double maxBelow = Double.NaN;
        int[] minBin = new int[nq + 2];
        minBin[nq + 1] = -1;
        for (int u = nq; u >= 0; u--) {
            minBin[u] = count[u] > 0 ? u : minBin[u + 1];
        }
        int maxBin = -1;
        for (int t = 0; t < nq; t++) {
            below += count[t];
            if (count[t] > 0) {
                maxBelow = bmax[t];
                maxBin = t;
            }
            if (below == 0) {
                idx[t] = 0;
            } else if (below == draws) {
                idx[t] = draws - 1;
            } else {
                double minAbove = minFrom[t + 1];
                boolean closer = Math.abs(minAbove - q[t]) > Math.abs(maxBelow - q[t]);
                if (approxBin[maxBin] || approxBin[minBin[t + 1]]) {
                    // the extremes are known within DELTA: the comparison must hold at both ends
                    double dMax = approxBin[maxBin] ? DELTA : 0;
                    double dMin = approxBin[minBin[t + 1]] ? DELTA : 0;
                    boolean surelyCloser = minAbove * (1 - dMin) - q[t] > q[t] - maxBelow * (1 - dMax);
                    boolean surelyNot = minAbove * (1 + dMin) - q[t] <= q[t] - maxBelow * (1 + dMax);
                    if (surelyCloser == surelyNot) {
                        approximationFailed = true;
                        return null;
                    }
                    closer = surelyCloser;
                }
                idx[t] = closer ? below - 1 : below;
            }
        }
        return idx;
    }

    /**
     * Cheap proofs that a draw's lo-value lies outside the window. Writing {@code u(i)} for the
     * i-th smallest uniform and {@code F_i} for the order-statistic CDF, lo = min over the sub-alpha
     * ranks i of {@code F_i(u(i))}.
     *
     * <ul>
     *   <li>above (lo >= cap0): every sub-alpha rank has {@code u(i) >= up[i]} (thresholds proving
     *       {@code F_i >= cap0}, made non-decreasing), i.e. for every rank {@code i <= sub}, fewer
     *       than i sub-alpha values lie below {@code up[i]}. Each sub-alpha value is binned to the
     *       number of thresholds at or below it: by a table on its top bits where its bucket holds
     *       no threshold, else by a search of {@code up}.
     *   <li>below (lo < lower): some sub-alpha rank among the values below {@code cut} has
     *       {@code u(i) < down[i]} (thresholds proving {@code F_i < lower}). Rank 1 is tested while
     *       the values are scanned: any value below {@code firstBelow} is a sub-alpha value at or
     *       above the minimum, so the draw is decided without its other values (which are then not
     *       even computed where values are generated one by one, see {@link #mostlyBelow}).
     * </ul>
     */
    private final class Certificates {
        private static final int SHIFT = 15;
        private static final byte SPLIT = -1;
        final long[] up; // 1-based; null if the above proof is off
        final long[] down; // 1-based, exclusive; null if the below proof is off
        final long cut;
        /** {@code min(down[1], alphaSeed + 1)}: a value below it proves lo < lower on its own. */
        final long firstBelow;
        /** Bin of a sub-alpha uniform by its top bits; {@link #SPLIT} where the bucket holds a threshold. */
        final byte[] code;
        /**
         * Most pilot draws fell below the window: generate a draw's values one by one, as the first
         * value below {@link #firstBelow} usually decides it early; else all at once (vectorised).
         */
        boolean mostlyBelow;
        /** The draw's values. */
        final long[] vals;
        /** The draw's sub-alpha values. */
        final long[] sub;
        /** The sub-alpha values below {@code cut}. */
        final long[] small;
        /** Per code and lane, the number of sub-alpha values ({@link #above}; all zero between calls). */
        final int[] hist;

        Certificates(long[] up, long[] down, long cut) {
            this.up = up;
            this.down = down;
            this.cut = cut;
            this.firstBelow = down == null ? 0 : Math.min(down[1], alphaSeed + 1);
            this.code = new byte[(int) (M >>> SHIFT) + 1];
            if (up != null) {
                for (int b = 0; b < code.length; b++) {
                    long bucketStart = (long) b << SHIFT;
                    int c = thresholdsAtOrBelow(bucketStart);
                    code[b] = c == thresholdsAtOrBelow(bucketStart + (1 << SHIFT) - 1) ? (byte) c : SPLIT;
                }
            }
            this.vals = new long[n];
            this.sub = new long[n];
            this.small = new long[n];
            this.hist = new int[4 * (n + 1)];
        }

        // ---- packed counts: a first, branch-free judgement of a draw ----
        // The draw's minimum decides the rank-1 tests and whether any value is sub-alpha. Each value
        // adds, by its bucket (top bits), one to every count field whose threshold it may lie below
        // (up fields: upper bounds of the counts) or surely lies below (down fields: lower bounds).
        // Eight 8-bit fields per long (counts <= n <= 100 < 128); a field's limit is added as
        // 128 - limit, so that its top bit says "count >= limit".
        /** Per bucket of {@link #PACK_SHIFT} bits, the field increments of a value in it. */
        long[] incA;

        long[] incB;
        long addA;
        long addB;
        /** Top bits of the down fields (any set: lo < lower). */
        long downA;

        long downB;
        /** Top bits of the up fields (all clear, with the minimum tests, prove lo >= cap0). */
        long upA;

        long upB;
        /** Top bit of the first up segment's field (no value below {@link #minAbove}). */
        long firstA;

        long firstB;
        /** Top bit of the sub field (some value is sub-alpha). */
        long subA;

        long subB;
        /** No value below this: the first up segment (ranks from 1 on). */
        long minAbove;

        /**
         * Chooses the count fields from the first {@code pilotDraws} draws of the class (which start
         * at {@code startSeed}): the down ranks that prove most pilot draws below (greedy cover), and
         * the up segments (dynamic programming over the ranks) that leave fewest unproven above.
         */
        void pack(long startSeed, int pilotDraws) {
            long sub1 = alphaSeed + 1;
            long[][] sorted = new long[pilotDraws][];
            long st = startSeed;
            for (int d = 0; d < pilotDraws; d++) {
                long[] v = new long[n];
                values(st, v);
                Arrays.sort(v);
                sorted[d] = v;
                st = mulMod(st, pow[n - 1]);
            }
            long[] thresholdOf = new long[FIELDS];
            int[] limit = new int[FIELDS];
            int[] kind = new int[FIELDS];
            int fields = 0;
            // down: a greedy cover of the pilot draws by the tests u(r) < min(down[r], alpha + 1)
            int downFields = 0;
            if (down != null) {
                boolean[] covered = new boolean[pilotDraws];
                while (downFields < MAX_DOWN_FIELDS) {
                    int best = -1;
                    int bestGain = Math.max(1, pilotDraws / 1000);
                    for (int r = 1; r <= n; r++) {
                        long t = Math.min(down[r], sub1);
                        int gain = 0;
                        for (int d = 0; d < pilotDraws; d++) {
                            gain += !covered[d] && sorted[d][r - 1] < t ? 1 : 0;
                        }
                        if (gain >= bestGain) {
                            bestGain = gain;
                            best = r;
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    long t = Math.min(down[best], sub1);
                    for (int d = 0; d < pilotDraws; d++) {
                        covered[d] |= sorted[d][best - 1] < t;
                    }
                    thresholdOf[fields] = t;
                    limit[fields] = best;
                    kind[fields++] = DOWN;
                    downFields++;
                }
            }
            minAbove = M; // no above proof
            if (up != null) {
                // thresholds capped at alpha: a rank whose threshold is not sub-alpha must exceed the
                // sub-alpha count, i.e. count(values <= alpha) < i
                long[] upT = new long[n + 1];
                for (int i = 1; i <= n; i++) {
                    upT[i] = Math.min(up[i], sub1);
                }
                // cost[a][b]: pilot draws failing the segment (a, b], i.e. u(a+1) < upT[b]
                long[][] col = new long[n][pilotDraws];
                for (int d = 0; d < pilotDraws; d++) {
                    for (int i = 0; i < n; i++) {
                        col[i][d] = sorted[d][i];
                    }
                }
                for (long[] c : col) {
                    Arrays.sort(c);
                }
                int[][] cost = new int[n][n + 1];
                for (int a = 0; a < n; a++) {
                    for (int b = a + 1; b <= n; b++) {
                        cost[a][b] = lowerBound(col[a], upT[b]);
                    }
                }
                // best[j][b]: least cost of ranks 1..b in a first segment and j more segments
                // (one field each, besides the sub field)
                int segments = FIELDS - fields - 2;
                final int inf = Integer.MAX_VALUE / 2;
                int[][] best = new int[segments + 1][n + 1];
                int[][] from = new int[segments + 1][n + 1];
                for (int b = 1; b <= n; b++) {
                    best[0][b] = cost[0][b];
                }
                best[0][0] = inf;
                int bestJ = 0;
                for (int j = 1; j <= segments; j++) {
                    for (int b = 1; b <= n; b++) {
                        best[j][b] = inf;
                        for (int a = 1; a < b; a++) {
                            int c = best[j - 1][a] + cost[a][b];
                            if (c < best[j][b]) {
                                best[j][b] = c;
                                from[j][b] = a;
                            }
                        }
                    }
                    if (best[j][n] < best[bestJ][n]) {
                        bestJ = j;
                    }
                }
                int b = n;
                for (int j = bestJ; j >= 1; j--) {
                    int a = from[j][b];
                    thresholdOf[fields] = upT[b];
                    limit[fields] = a + 1;
                    kind[fields++] = UP;
                    b = a;
                }
                // the first segment: no value below upT[b] (its bucket may hold larger values: the
                // minimum then settles it); the sub field: some value <= alpha
                minAbove = upT[b];
                thresholdOf[fields] = minAbove;
                limit[fields] = 1;
                kind[fields++] = FIRST_UP;
                thresholdOf[fields] = sub1;
                limit[fields] = 1;
                kind[fields++] = SUB;
            }
            long[] add = new long[2];
            long[][] mask = new long[4][2];
            for (int f = 0; f < fields; f++) {
                int w = f >>> 3;
                int sh = 8 * (f & 7);
                add[w] += (long) (128 - limit[f]) << sh;
                mask[kind[f]][w] |= 0x80L << sh;
            }
            addA = add[0];
            addB = add[1];
            downA = mask[DOWN][0];
            downB = mask[DOWN][1];
            upA = mask[UP][0] | mask[FIRST_UP][0];
            upB = mask[UP][1] | mask[FIRST_UP][1];
            firstA = mask[FIRST_UP][0];
            firstB = mask[FIRST_UP][1];
            subA = mask[SUB][0];
            subB = mask[SUB][1];
            int buckets = (int) (M >>> PACK_SHIFT) + 1;
            incA = new long[buckets];
            incB = new long[buckets];
            for (int bk = 0; bk < buckets; bk++) {
                long first = (long) bk << PACK_SHIFT;
                long last = first + (1L << PACK_SHIFT) - 1;
                for (int f = 0; f < fields; f++) {
                    long t = thresholdOf[f];
                    // a bucket holding the threshold counts conservatively: up fields count it, others not
                    if (kind[f] == UP || kind[f] == FIRST_UP ? first < t : last < t) {
                        if (f < 8) {
                            incA[bk] += 1L << (8 * f);
                        } else {
                            incB[bk] += 1L << (8 * (f - 8));
                        }
                    }
                }
            }
        }

        private long min(long[] v) {
            long m = M;
            for (long s : v) {
                m = Math.min(m, s);
            }
            return m;
        }

        /** -1: lo surely < lower; +1: lo surely >= cap0; 0: not decided by the packed counts. */
        private int packed(long start) {
            long[] v = vals;
            values(start, v);
            long[] ta = incA;
            long[] tb = incB;
            long a = 0;
            long b = 0;
            for (int j = 0; j < v.length; j++) {
                int c = (int) (v[j] >>> PACK_SHIFT);
                a += ta[c];
                b += tb[c];
            }
            long xa = a + addA;
            long xb = b + addB;
            if (((xa & downA) | (xb & downB)) != 0) {
                return -1;
            }
            if (((xa & subA) | (xb & subB)) == 0) {
                return 0;
            }
            long failA = xa & upA;
            long failB = xb & upB;
            if ((failA | failB) == 0) {
                return 1;
            }
            // only the first segment failed, maybe for a value in its threshold's bucket: the minimum
            if (((failA & ~firstA) | (failB & ~firstB)) == 0 && min(v) >= minAbove) {
                return 1;
            }
            return 0;
        }

        /** Set by {@link #decide}: the draws proven below / above the window, the next draw's start. */
        long below;

        long above;
        long next;

        /**
         * Judges consecutive draws from start state {@code start} until one is undecided or
         * {@code limit} draws are judged (a loop of its own, so that the JIT compiles it for the
         * certificates alone); returns the number of draws decided.
         */
        long decide(long start, long limit) {
            return incA != null ? decidePacked(start, limit) : decideBySlowJudge(start, limit);
        }

        /** {@link #decide} without packed counts (a loop of its own: its own JIT profile). */
        private long decideBySlowJudge(long start, long limit) {
            long step = pow[n - 1];
            long s = start;
            long nBelow = 0;
            long nAbove = 0;
            long d = 0;
            for (; d < limit; d++) {
                int verdict = judge(s);
                if (verdict == 0) {
                    break;
                }
                nBelow += verdict < 0 ? 1 : 0;
                nAbove += verdict > 0 ? 1 : 0;
                s = mulMod(s, step);
            }
            below = nBelow;
            above = nAbove;
            next = s;
            return d;
        }

        /** {@link #decide} by the packed counts first. */
        private long decidePacked(long start, long limit) {
            long step = pow[n - 1];
            long s = start;
            long nBelow = 0;
            long nAbove = 0;
            long d = 0;
            for (; d < limit; d++) {
                int verdict = packed(s);
                if (verdict == 0) {
                    verdict = judge(s);
                    if (verdict == 0) {
                        break;
                    }
                }
                nBelow += verdict < 0 ? 1 : 0;
                nAbove += verdict > 0 ? 1 : 0;
                s = mulMod(s, step);
            }
            below = nBelow;
            above = nAbove;
            next = s;
            return d;
        }

        /** -1: lo surely < lower; +1: lo surely >= cap0; 0: unknown. {@code start}: the draw's start state. */
        private int judge(long start) {
            // one method per way of generating (each keeps its own JIT profile across classes)
            int k = mostlyBelow ? gatherLazily(start) : down != null ? gatherWithExit(start) : gather(start);
            if (k <= 0) {
                return k;
            }
            if (down != null && belowAtSmallRank(k)) {
                return -1;
            }
            return up == null ? 0 : above(k);
        }

        // The gather methods put the draw's sub-alpha values into sub and return their number, or -1
        // if a value below firstBelow proves lo < lower. Branch-free apart from that exit: the count
        // adds the sign of s - alphaSeed - 1 (all values are below 2^31).

        /**
         * Values four at a time: the draw usually ends at its first value below firstBelow; a draw
         * that does not is gathered anew (all values at once).
         */
        private int gatherLazily(long start) {
            long first = firstBelow;
            long[] p = pow;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                long s0 = mulMod(start, p[j]);
                long s1 = mulMod(start, p[j + 1]);
                long s2 = mulMod(start, p[j + 2]);
                long s3 = mulMod(start, p[j + 3]);
                if (((s0 - first) | (s1 - first) | (s2 - first) | (s3 - first)) < 0) {
                    return -1;
                }
            }
            for (; j < n; j++) {
                if (mulMod(start, p[j]) < first) {
                    return -1;
                }
            }
            return gather(start);
        }

        /** All values at once (vectorised), then the scan with the exit. */
        private int gatherWithExit(long start) {
            long a = alphaSeed;
            long first = firstBelow;
            long[] v = vals;
            values(start, v);
            long[] g = sub;
            int k = 0;
            for (int j = 0; j < n; j++) {
                long s = v[j];
                if (s < first) {
                    return -1;
                }
                g[k] = s;
                k += (int) ((s - a - 1) >>> 63);
            }
            return k;
        }

        /** All values at once (vectorised), no below proof. */
        private int gather(long start) {
            long a = alphaSeed;
            long[] v = vals;
            values(start, v);
            long[] g = sub;
            int k = 0;
            for (int j = 0; j < n; j++) {
                long s = v[j];
                g[k] = s;
                k += (int) ((s - a - 1) >>> 63);
            }
            return k;
        }

        /** Whether one of the sub-alpha values below {@code cut}, sorted, is below its rank's threshold. */
        private boolean belowAtSmallRank(int k) {
            long[] g = sub;
            long[] m = small;
            long c = cut;
            int len = 0;
            for (int i = 0; i < k; i++) {
                long s = g[i];
                m[len] = s;
                len += (int) ((s - c) >>> 63);
            }
            insertionSort(m, len);
            for (int i = 0; i < len; i++) {
                if (m[i] < down[i + 1]) {
                    return true;
                }
            }
            return false;
        }

        /** The above proof for the {@code k} sub-alpha values of {@link #sub}. */
        private int above(int k) {
            long[] g = sub;
            int[] h = hist;
            byte[] table = code;
            // codes >= k only count below thresholds of ranks above k, which do not matter: pool them;
            // four interleaved histograms keep repeated codes from serialising the increments
            for (int i = 0; i < k; i++) {
                int c = table[(int) (g[i] >>> SHIFT)];
                if (c == SPLIT) {
                    c = thresholdsAtOrBelow(g[i]);
                }
                h[(Math.min(c, k) << 2) | (i & 3)]++;
            }
            int verdict = 1;
            int below = 0;
            for (int i = 1; i <= k; i++) {
                int b = 4 * (i - 1);
                below += h[b] + h[b + 1] + h[b + 2] + h[b + 3];
                if (below >= i) {
                    verdict = 0;
                    break;
                }
            }
            Arrays.fill(h, 0, 4 * (k + 1), 0);
            return verdict;
        }

        /** The number of ranks i in 1..n with {@code up[i] <= s} ({@code up} is non-decreasing). */
        private int thresholdsAtOrBelow(long s) {
            int lo = 0; // up[1..lo] <= s
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (up[mid] <= s) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }

    private Certificates certificates(double cap0, boolean windowTop, double lower) {
        long[] down = null;
        long cut = 0;
        if (lower >= MIN_LEVEL) {
            down = new long[n + 1];
            for (int i = 1; i <= n; i++) {
                down[i] = belowThreshold(i, lower);
            }
            for (int i = 1; i <= Math.min(n, 4); i++) {
                cut = Math.max(cut, down[i]);
            }
        }
        long[] up = null;
        if (windowTop) {
            up = new long[n + 1];
            int key = levelKey(cap0);
            for (int i = 1; i <= n; i++) {
                up[i] = Math.max(up[i - 1], threshold(i, key));
            }
        }
        if (up == null && down == null) {
            return null;
        }
        return new Certificates(up, down, cut);
    }

    /**
     * Exclusive seed bound below which {@code orderStatCdf(i, n, s / M)} is surely {@code < level}
     * (0 if there is none), searched on {@code [1, halfSeed]}.
     */
    private long belowThreshold(int i, double level) {
        double target = level * (1 - MARGIN);
        if (!(MageckMath.orderStatCdf(i, n, 1.0 / M) <= target)) {
            return 0;
        }
        long lo = 1; // predicate true
        long hi = halfSeed + 1; // virtual false
        if (MageckMath.orderStatCdf(i, n, (double) halfSeed / M) <= target) {
            return halfSeed + 1;
        }
        hi = halfSeed;
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (MageckMath.orderStatCdf(i, n, (double) mid / M) <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    /** Set by {@link #fastDraws}: the start state of the first draw it did not judge. */
    private long fastNext;

    /**
     * Judges the draws of a small class from start state {@code start} by approximate lo-values
     * (within relative {@link #DELTA}, see {@link #approxCdf}) until one is too close to a window edge
     * or a query to call, or {@code limit} draws are done; returns the number of draws done. A draw's
     * approximate lo is the minimum of the approximate CDFs over rank 1 and the sub-alpha ranks of its
     * sorted values (RRA's lo-value for any number of sub-alpha values, none included); its bin is
     * found by {@code FAST_COMPARES} branch-free comparisons where the query bucket holds few
     * queries. The bins' extremes are then only known within DELTA (flag {@link #APPROX}).
     */
    private long fastDraws(
            long start,
            long limit,
            double[] q,
            double[] qp,
            int[] qStart,
            long[] rec,
            double lower,
            double cap0,
            boolean windowTop) {
        int nq = q.length;
        long[] v = fastVals;
        long step = pow[n - 1];
        long s = start;
        long[] starts = fastStarts;
        double[] lo = fastLo;
        long d = 0;
        // in batches: first the values (arithmetic only), then the bins (table look-ups, whose cache
        // misses then overlap across draws)
        while (d < limit) {
            int batch = (int) Math.min(FAST_BATCH, limit - d);
            for (int i = 0; i < batch; i++) {
                starts[i] = s;
                lo[i] = approxLo(s, v);
                s = mulMod(s, step);
            }
            for (int i = 0; i < batch; i++) {
                double a = lo[i];
                double aLow = a * (1 - DELTA);
                double aHigh = a * (1 + DELTA);
                if (aHigh < lower) {
                    rec[0]++;
                } else if (windowTop && aLow >= cap0) {
                    rec[BIN_STRIDE * nq]++;
                } else {
                    if (!(aLow >= lower && aHigh < cap0)) {
                        fastNext = starts[i];
                        return d + i;
                    }
                    int j = (int) (a * QBUCKETS);
                    int i0 = qStart[j];
                    int b;
                    if (qStart[j + 1] - i0 <= FAST_COMPARES) {
                        // queries from qStart[j + 1] on exceed a: count the ones below a among the next few
                        b = i0
                                + (qp[i0 + 1] < a ? 1 : 0)
                                + (qp[i0 + 2] < a ? 1 : 0)
                                + (qp[i0 + 3] < a ? 1 : 0)
                                + (qp[i0 + 4] < a ? 1 : 0);
                    } else {
                        b = Arrays.binarySearch(q, i0, qStart[j + 1], a);
                        if (b >= 0) {
                            fastNext = starts[i];
                            return d + i;
                        }
                        b = -b - 1;
                    }
                    if (!(qp[b] < aLow && aHigh < qp[b + 1])) {
                        fastNext = starts[i];
                        return d + i;
                    }
                    int r = BIN_STRIDE * b;
                    rec[r]++;
                    rec[r + BIN_FLAGS] |= EXACT | APPROX;
                    long bits = Double.doubleToRawLongBits(a);
                    if (bits > rec[r + BIN_MAX]) {
                        rec[r + BIN_MAX] = bits;
                    }
                    if (bits < rec[r + BIN_MIN]) {
                        rec[r + BIN_MIN] = bits;
                    }
                }
            }
            d += batch;
        }
        fastNext = s;
        return d;
    }

    /** {@link #approxLo} of a class of {@code n} values at {@code alpha}, for tests. */
    static double approximateLo(int n, double alpha, long start) {
        return new RraPermutation(n, alpha).approxLo(start, new long[n]);
    }

    /**
     * The approximate lo-value of the draw from start state {@code s} (see {@link #fastDraws}):
     * straight-line code for 1 to 4 values (sorting network, the Horner schemes of {@link
     * #approxCdf} written out), else loops; {@code v} is scratch space.
     */
    private double approxLo(long s, long[] v) {
        switch (n) {
            case 1:
                // F1(x) = x
                return (double) mulMod(s, pow[0]) / M;
            case 2:
                return approxLo2(s);
            case 3:
                return approxLo3(s);
            case 4:
                return approxLo4(s);
            default:
                break;
        }
        values(s, v);
        // odd-even transposition sort, branch-free
        for (int pass = 0; pass < n; pass++) {
            for (int i = pass & 1; i + 1 < n; i += 2) {
                long x = v[i];
                long y = v[i + 1];
                long diff = y - x;
                long m = diff & (diff >> 63);
                v[i] = x + m;
                v[i + 1] = y - m;
            }
        }
        double a = approxCdf(1, (double) v[0] / M);
        for (int i = 1; i < n; i++) {
            long x = v[i];
            double f = approxCdf(i + 1, (double) x / M);
            a = x <= alphaSeed && f < a ? f : a;
        }
        return a;
    }

    private double approxLo2(long s) {
        long u1 = mulMod(s, pow[0]);
        long u2 = mulMod(s, pow[1]);
        long m = (u2 - u1) & ((u2 - u1) >> 63);
        u1 += m;
        u2 -= m;
        double x1 = (double) u1 / M;
        double y1 = 1 - x1;
        double x2 = (double) u2 / M;
        // F1 = (x + 2y) x, F2 = x^2
        double f1 = Math.min((x1 + 2 * y1) * x1, 1.0);
        double f2 = Math.min(x2 * x2, 1.0);
        return u2 <= alphaSeed && f2 < f1 ? f2 : f1;
    }

    private double approxLo3(long s) {
        long u1 = mulMod(s, pow[0]);
        long u2 = mulMod(s, pow[1]);
        long u3 = mulMod(s, pow[2]);
        long m = (u2 - u1) & ((u2 - u1) >> 63);
        u1 += m;
        u2 -= m;
        m = (u3 - u2) & ((u3 - u2) >> 63);
        u2 += m;
        u3 -= m;
        m = (u2 - u1) & ((u2 - u1) >> 63);
        u1 += m;
        u2 -= m;
        double x1 = (double) u1 / M;
        double y1 = 1 - x1;
        double x2 = (double) u2 / M;
        double y2 = 1 - x2;
        double x3 = (double) u3 / M;
        // F1 = ((x + 3y) x + 3y^2) x, F2 = (x + 3y) x^2, F3 = x^3
        double f1 = Math.min(((x1 + 3 * y1) * x1 + 3 * (y1 * y1)) * x1, 1.0);
        double f2 = Math.min((x2 + 3 * y2) * x2 * x2, 1.0);
        double f3 = Math.min(x3 * x3 * x3, 1.0);
        double a = u2 <= alphaSeed && f2 < f1 ? f2 : f1;
        return u3 <= alphaSeed && f3 < a ? f3 : a;
    }

    private double approxLo4(long s) {
        long u1 = mulMod(s, pow[0]);
        long u2 = mulMod(s, pow[1]);
        long u3 = mulMod(s, pow[2]);
        long u4 = mulMod(s, pow[3]);
        long m = (u2 - u1) & ((u2 - u1) >> 63);
        u1 += m;
        u2 -= m;
        m = (u4 - u3) & ((u4 - u3) >> 63);
        u3 += m;
        u4 -= m;
        m = (u3 - u1) & ((u3 - u1) >> 63);
        u1 += m;
        u3 -= m;
        m = (u4 - u2) & ((u4 - u2) >> 63);
        u2 += m;
        u4 -= m;
        m = (u3 - u2) & ((u3 - u2) >> 63);
        u2 += m;
        u3 -= m;
        double x1 = (double) u1 / M;
        double y1 = 1 - x1;
        double x2 = (double) u2 / M;
        double y2 = 1 - x2;
        double x3 = (double) u3 / M;
        double y3 = 1 - x3;
        double x4 = (double) u4 / M;
        // F1 = (((x + 4y) x + 6y^2) x + 4y^3) x, F2 = ((x + 4y) x + 6y^2) x^2, F3 = (x + 4y) x^3,
        // F4 = x^4
        double y1s = y1 * y1;
        double f1 = Math.min((((x1 + 4 * y1) * x1 + 6 * y1s) * x1 + 4 * (y1s * y1)) * x1, 1.0);
        double f2 = Math.min(((x2 + 4 * y2) * x2 + 6 * (y2 * y2)) * x2 * x2, 1.0);
        double f3 = Math.min((x3 + 4 * y3) * x3 * x3 * x3, 1.0);
        double x4s = x4 * x4;
        double f4 = Math.min(x4s * x4s, 1.0);
        double a = u2 <= alphaSeed && f2 < f1 ? f2 : f1;
        a = u3 <= alphaSeed && f3 < a ? f3 : a;
        return u4 <= alphaSeed && f4 < a ? f4 : a;
    }

    /**
     * {@code orderStatCdf(i, n, x)} within relative {@code DELTA}: the same binomial tail
     * {@code sum_{j>=i} C(n,j) x^j y^(n-j)} with the same {@code y = 1 - x}, by products and sums
     * only. Both computations combine positive terms, so their relative rounding errors add up to a
     * few ulp per operation (below ~(8n + 30) ulp together for n <= 8, far below DELTA); nothing
     * underflows, as {@code x, y >= 1 / M}.
     */
    double approxCdf(int i, double x) {
        double y = 1 - x;
        // x^i * sum_{m=0}^{n-i} C(n, i+m) x^m y^(n-i-m), by a homogeneous Horner scheme
        double[] c = BINOMIAL[n];
        double p = c[n];
        double ym = y;
        for (int j = n - 1; j >= i; j--) {
            p = p * x + c[j] * ym;
            ym *= y;
        }
        for (int j = 0; j < i; j++) {
            p *= x;
        }
        return Math.min(p, 1.0);
    }

    /** Number of entries of sorted {@code a} below {@code x}. */
    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of entries of sorted {@code a} below {@code x}. */
    private static int lowerBound(long[] a, long x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void insertionSort(long[] a, int k) {
        for (int i = 1; i < k; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Key of the smallest threshold level {@code >= cap} (cap in [MIN_LEVEL, 1]). */
    private static int levelKey(double cap) {
        long bits = Double.doubleToRawLongBits(cap);
        return (int) ((bits + ((1L << LEVEL_SHIFT) - 1)) >>> LEVEL_SHIFT);
    }

    /**
     * The smallest seed s <= halfSeed from which on {@code orderStatCdf(i, n, s / M)} is surely
     * {@code >= level(key)}, or {@code M} if there is none.
     */
    private long threshold(int i, int key) {
        int[] row = thr[i];
        if (row == null) {
            row = new int[KEY_MAX - KEY_MIN + 1];
            thr[i] = row;
        }
        int slot = key - KEY_MIN;
        int t = row[slot];
        if (t != 0) {
            return t;
        }
        double level = Double.longBitsToDouble((long) key << LEVEL_SHIFT);
        double target = level * (1 + MARGIN);
        long lo = 0; // predicate false (or not evaluated) at lo
        long hi = halfSeed + 1; // virtual true
        if (!(MageckMath.orderStatCdf(i, n, (double) halfSeed / M) >= target)) {
            t = (int) M;
        } else {
            while (hi - lo > 1) {
                long mid = (lo + hi) >>> 1;
                if (MageckMath.orderStatCdf(i, n, (double) mid / M) >= target) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            t = (int) hi;
        }
        row[slot] = t;
        return t;
    }

    // ---- Park-Miller stream by jump-ahead ----

    /** The n values of the draw starting from state {@code start}, into {@code out[0..n)}. */
    private void values(long start, long[] out) {
        long[] p = pow;
        for (int k = 0; k < p.length; k++) {
            out[k] = mulMod(start, p[k]);
        }
    }

    private static final long A1 = ParkMiller.MULTIPLIER;

    /**
     * {@code a * b mod M} for {@code 0 <= a, b < M}, without a branch (a data-dependent branch
     * here would be mispredicted half the time). {@code t = a * b < 2^62} splits as
     * {@code hi * 2^31 + lo} with {@code 2^31 = 1 (mod M)}, so {@code r = hi + lo = t (mod M)} and
     * {@code r < 2M}; {@code r = M} is impossible ({@code t = 0 (mod M)} only for {@code t = 0}, M
     * being prime). The same folding once more maps {@code r < M} to itself and
     * {@code 2^31 <= r < 2M} to {@code r - 2^31 + 1 = r - M}.
     */
    static long mulMod(long a, long b) {
        long t = a * b;
        long r = (t & M) + (t >>> 31);
        return (r & M) + (r >>> 31);
    }

    /** {@code seed * 48271^e mod M}: the generator state after e further draws. */
    static long advance(long seed, long e) {
        long result = seed;
        long base = A1;
        for (long x = e; x > 0; x >>= 1) {
            if ((x & 1) != 0) {
                result = mulMod(result, base);
            }
            base = mulMod(base, base);
        }
        return result;
    }
}
