package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.DoseResponseBlock;

/**
 * The measurements of a two-drug block as the parametric models use them: per row the two
 * concentrations and the fraction affected ({@code fa}, 0 = no effect, 1 = full kill; % inhibition
 * / 100). Rows keep their order; replicates are separate rows.
 *
 * <p>The Python {@code synergy} package works on {@code E = 1 − fa}; {@link #e()} gives that scale.
 *
 * @param d1 concentration of drug 1 per row (finite, ≥ 0)
 * @param d2 concentration of drug 2 per row (finite, ≥ 0)
 * @param fa fraction affected per row (finite; not clipped)
 */
public record TwoDrugData(double[] d1, double[] d2, double[] fa) {

    public TwoDrugData {
        if (d1.length != d2.length || d1.length != fa.length) {
            throw new InvalidInputException(
                    "rows", d1.length + "/" + d2.length + "/" + fa.length, "d1, d2 and fa must have equal lengths");
        }
        if (d1.length == 0) {
            throw new InvalidInputException("rows", 0, "must contain at least one measurement");
        }
        for (int i = 0; i < d1.length; i++) {
            if (!(Double.isFinite(d1[i]) && d1[i] >= 0 && Double.isFinite(d2[i]) && d2[i] >= 0)) {
                throw new InvalidInputException("conc", d1[i] + "/" + d2[i], "must be finite and >= 0", "row " + i);
            }
            if (!Double.isFinite(fa[i])) {
                throw new InvalidInputException("fa", fa[i], "must be finite", "row " + i);
            }
        }
        d1 = d1.clone();
        d2 = d2.clone();
        fa = fa.clone();
    }

    /**
     * The first two drugs of {@code block}, fa = % inhibition / 100.
     *
     * @throws InvalidInputException when the block does not have exactly two drugs
     */
    public static TwoDrugData of(DoseResponseBlock block) {
        if (block.drugCount() != 2) {
            throw new InvalidInputException(
                    "drugs",
                    block.drugCount(),
                    "the combination models need exactly 2 drugs",
                    "block " + block.blockId());
        }
        int n = block.rowCount();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = block.conc(i, 0);
            b[i] = block.conc(i, 1);
            f[i] = block.response(i) / 100.0;
        }
        return new TwoDrugData(a, b, f);
    }

    /** Number of rows. */
    public int size() {
        return fa.length;
    }

    /** The package's response scale, E = 1 − fa per row. */
    public double[] e() {
        double[] e = new double[fa.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = 1.0 - fa[i];
        }
        return e;
    }

    /** This data with fa replaced (same doses). */
    public TwoDrugData withFa(double[] newFa) {
        return new TwoDrugData(d1, d2, newFa);
    }

    /** This data with every dose multiplied (drug 1 by {@code s1}, drug 2 by {@code s2}). */
    public TwoDrugData scaled(double s1, double s2) {
        double[] a = new double[d1.length];
        double[] b = new double[d1.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = d1[i] * s1;
            b[i] = d2[i] * s2;
        }
        return new TwoDrugData(a, b, fa);
    }

    /**
     * Row indices of drug {@code drug}'s single-drug slice as the package takes it: drug 1 = rows
     * with {@code d2 == min(d2)}, drug 2 = rows with {@code d1 == min(d1)} (the (0, 0) cell belongs
     * to both), in row order.
     */
    public int[] slice(int drug) {
        double[] other = drug == 1 ? d2 : d1;
        double min = Arrays.stream(other).min().orElseThrow();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < other.length; i++) {
            if (other[i] == min) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Doses of drug {@code drug} (1 or 2) at {@code rows}. */
    public double[] doses(int drug, int[] rows) {
        double[] src = drug == 1 ? d1 : d2;
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = src[rows[i]];
        }
        return out;
    }

    /** fa at {@code rows}. */
    public double[] fa(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = fa[rows[i]];
        }
        return out;
    }

    @Override
    public double[] d1() {
        return d1.clone();
    }

    @Override
    public double[] d2() {
        return d2.clone();
    }

    @Override
    public double[] fa() {
        return fa.clone();
    }

    double d1(int i) {
        return d1[i];
    }

    double d2(int i) {
        return d2[i];
    }

    double fa(int i) {
        return fa[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TwoDrugData t
                && Arrays.equals(d1, t.d1)
                && Arrays.equals(d2, t.d2)
                && Arrays.equals(fa, t.fa);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(d1) + Arrays.hashCode(d2)) + Arrays.hashCode(fa);
    }

    @Override
    public String toString() {
        return "TwoDrugData[rows=" + fa.length + "]";
    }
}
