package org.comboscope.core.invivo;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.comboscope.core.synergy.BlockStatistics;

/**
 * Multiplicity adjustment of a family of p-values as R's {@code p.adjust}; empty entries stay
 * empty and do not count towards the family size.
 */
public final class Multiplicity {
    private Multiplicity() {}

    /** Holm's step-down adjustment (family-wise error rate), R's {@code p.adjust(p, "holm")}. */
    public static OptionalDouble[] holm(OptionalDouble[] p) {
        int m = (int) Arrays.stream(p).filter(OptionalDouble::isPresent).count();
        Integer[] idx = new Integer[m];
        for (int i = 0, j = 0; i < p.length; i++) {
            if (p[i].isPresent()) {
                idx[j++] = i;
            }
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a].getAsDouble(), p[b].getAsDouble()));
        OptionalDouble[] out = new OptionalDouble[p.length];
        Arrays.fill(out, OptionalDouble.empty());
        double running = 0;
        for (int r = 0; r < m; r++) {
            running = Math.max(running, Math.min(1, (m - r) * p[idx[r]].getAsDouble()));
            out[idx[r]] = OptionalDouble.of(running);
        }
        return out;
    }

    /** Benjamini–Hochberg (false discovery rate), R's {@code p.adjust(p, "BH")}. */
    public static OptionalDouble[] benjaminiHochberg(OptionalDouble[] p) {
        return BlockStatistics.benjaminiHochberg(p);
    }
}
