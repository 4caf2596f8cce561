package org.comboscope.core.screen;

/**
 * A model of the order in which numpy 1.24 / pandas 1.5 put tied values, for bit-level agreement
 * with tools that sort with {@code sort_values(kind='quicksort')} (DrugZ 1.1).
 *
 * <p>numpy's {@code argsort(kind='quicksort')} on int64/float64 is an introsort: median-of-three
 * pivot, partition while {@code hi - lo > 15}, insertion sort below that, heapsort once the depth
 * budget {@code 2*floor(log2 n)} is exhausted. It is not stable; this class replays it exactly
 * (the scalar path of numpy 1.24, which does not depend on the CPU). pandas' descending
 * {@code nargsort} reverses the values, argsorts them, and reverses the result.
 */
public final class NumpyOrder {
    private static final int SMALL_QUICKSORT = 15;

    private NumpyOrder() {}

    /** numpy {@code argsort(v, kind='quicksort')}: indices that sort {@code v} ascending. */
    public static int[] argsort(double[] v) {
        int n = v.length;
        int[] tosort = new int[n];
        for (int i = 0; i < n; i++) {
            tosort[i] = i;
        }
        aquicksort(v, tosort);
        return tosort;
    }

    /** pandas 1.5 {@code nargsort(v, 'quicksort', ascending)} (no missing values). */
    public static int[] nargsort(double[] v, boolean ascending) {
        if (ascending) {
            return argsort(v);
        }
        int n = v.length;
        double[] rev = new double[n];
        for (int i = 0; i < n; i++) {
            rev[i] = v[n - 1 - i];
        }
        int[] idx = argsort(rev);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[n - 1 - k] = n - 1 - idx[k];
        }
        return out;
    }

    private static boolean less(double a, double b) {
        return a < b || (b != b && a == a);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void aquicksort(double[] v, int[] a) {
        int num = a.length;
        if (num < 2) {
            return;
        }
        int pl = 0;
        int pr = num - 1;
        int[] stack = new int[256];
        int sptr = 0;
        int[] depth = new int[128];
        int psdepth = 0;
        int cdepth = 0;
        for (long u = num; (u >>= 1) != 0; ) {
            cdepth++;
        }
        cdepth *= 2;
        for (; ; ) {
            if (cdepth < 0) {
                aheapsort(v, a, pl, pr - pl + 1);
            } else {
                while (pr - pl > SMALL_QUICKSORT) {
                    int pm = pl + ((pr - pl) >> 1);
                    if (less(v[a[pm]], v[a[pl]])) {
                        swap(a, pm, pl);
                    }
                    if (less(v[a[pr]], v[a[pm]])) {
                        swap(a, pr, pm);
                    }
                    if (less(v[a[pm]], v[a[pl]])) {
                        swap(a, pm, pl);
                    }
                    double vp = v[a[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    swap(a, pm, pj);
                    for (; ; ) {
                        do {
                            ++pi;
                        } while (less(v[a[pi]], vp));
                        do {
                            --pj;
                        } while (less(vp, v[a[pj]]));
                        if (pi >= pj) {
                            break;
                        }
                        swap(a, pi, pj);
                    }
                    int pk = pr - 1;
                    swap(a, pi, pk);
                    if (pi - pl < pr - pi) {
                        stack[sptr++] = pi + 1;
                        stack[sptr++] = pr;
                        pr = pi - 1;
                    } else {
                        stack[sptr++] = pl;
                        stack[sptr++] = pi - 1;
                        pl = pi + 1;
                    }
                    depth[psdepth++] = --cdepth;
                }
                for (int pi = pl + 1; pi <= pr; ++pi) {
                    int vi = a[pi];
                    double vpv = v[vi];
                    int pj = pi;
                    int pk = pi - 1;
                    while (pj > pl && less(vpv, v[a[pk]])) {
                        a[pj--] = a[pk--];
                    }
                    a[pj] = vi;
                }
            }
            if (sptr == 0) {
                break;
            }
            pr = stack[--sptr];
            pl = stack[--sptr];
            cdepth = depth[--psdepth];
        }
    }

    /** numpy's aheapsort on {@code a[off .. off+n-1]} (1-based heap indexing). */
    private static void aheapsort(double[] v, int[] a, int off, int n) {
        int base = off - 1;
        int i;
        int j;
        int l;
        int tmp;
        for (l = n >> 1; l > 0; --l) {
            tmp = a[base + l];
            for (i = l, j = l << 1; j <= n; ) {
                if (j < n && less(v[a[base + j]], v[a[base + j + 1]])) {
                    j += 1;
                }
                if (less(v[tmp], v[a[base + j]])) {
                    a[base + i] = a[base + j];
                    i = j;
                    j += j;
                } else {
                    break;
                }
            }
            a[base + i] = tmp;
        }
        for (; n > 1; ) {
            tmp = a[base + n];
            a[base + n] = a[base + 1];
            n -= 1;
            for (i = 1, j = 2; j <= n; ) {
                if (j < n && less(v[a[base + j]], v[a[base + j + 1]])) {
                    j++;
                }
                if (less(v[tmp], v[a[base + j]])) {
                    a[base + i] = a[base + j];
                    i = j;
                    j += j;
                } else {
                    break;
                }
            }
            a[base + i] = tmp;
        }
    }
}
