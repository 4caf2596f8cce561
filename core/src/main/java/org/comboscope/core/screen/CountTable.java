package org.comboscope.core.screen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.error.InvalidInputException;

/**
 * A guide-level read-count table of a pooled CRISPR/ORF screen: one row per guide (sgRNA or ORF
 * barcode) in file order, its gene, and one non-negative integer read count per sample.
 *
 * <p>Row order is the input order; MAGeCK's tie-breaking depends on it, so it is kept. Counts are
 * stored as doubles (they are integers, possibly written as {@code 239.0} in the file).
 *
 * @param guides guide ids, unique
 * @param genes gene of each guide
 * @param samples sample names, unique
 * @param counts {@code [sample][guide]} read counts, finite, integral and {@code >= 0}
 */
public record CountTable(List<String> guides, List<String> genes, List<String> samples, double[][] counts) {

    public CountTable {
        guides = List.copyOf(guides);
        genes = List.copyOf(genes);
        samples = List.copyOf(samples);
        if (genes.size() != guides.size()) {
            throw new InvalidInputException(
                    "genes", genes.size(), "must have one gene per guide (" + guides.size() + ")");
        }
        if (counts.length != samples.size()) {
            throw new InvalidInputException(
                    "counts", counts.length, "must have one column per sample (" + samples.size() + ")");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int s = 0; s < samples.size(); s++) {
            Integer prev = seen.put(samples.get(s), s);
            if (prev != null) {
                throw new InvalidInputException("sample", samples.get(s), "must be unique");
            }
        }
        seen.clear();
        for (int g = 0; g < guides.size(); g++) {
            Integer prev = seen.put(guides.get(g), g);
            if (prev != null) {
                throw new InvalidInputException(
                        "guide id", guides.get(g), "must be unique", "rows " + (prev + 1) + " and " + (g + 1));
            }
        }
        double[][] copy = new double[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            if (counts[s].length != guides.size()) {
                throw new InvalidInputException(
                        "counts of " + samples.get(s),
                        counts[s].length,
                        "must have one value per guide (" + guides.size() + ")");
            }
            copy[s] = counts[s].clone();
            for (int g = 0; g < copy[s].length; g++) {
                double x = copy[s][g];
                if (!(x >= 0) || x != Math.rint(x) || Double.isInfinite(x)) {
                    throw new InvalidInputException(
                            "count",
                            x,
                            "must be a finite non-negative integer",
                            "guide " + guides.get(g) + ", sample " + samples.get(s));
                }
            }
        }
        counts = copy;
    }

    /** Number of guides (rows). */
    public int guideCount() {
        return guides.size();
    }

    /** The read counts of one sample, in guide order (a copy). */
    public double[] column(String sample) {
        return counts[sampleIndex(sample, "sample")].clone();
    }

    /** The counts array, {@code [sample][guide]} (a copy). */
    @Override
    public double[][] counts() {
        double[][] c = new double[counts.length][];
        for (int s = 0; s < c.length; s++) {
            c[s] = counts[s].clone();
        }
        return c;
    }

    /** Read-only access without copying, for the algorithms of this package. */
    double[] columnView(int sample) {
        return counts[sample];
    }

    /**
     * The index of a sample named on the command line.
     *
     * @param option the option that named it (for the message), e.g. {@code --control}
     * @throws InvalidInputException if no sample has that name
     */
    public int sampleIndex(String name, String option) {
        int i = samples.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(
                    option,
                    name,
                    "must name a sample column of the count table (columns: " + String.join(", ", samples) + ")");
        }
        return i;
    }

    /** A table without the guides whose gene is in {@code genes} (file order kept). */
    public CountTable withoutGenes(java.util.Collection<String> removed) {
        if (removed.isEmpty()) {
            return this;
        }
        java.util.Set<String> drop = new java.util.HashSet<>(removed);
        List<Integer> keep = new ArrayList<>();
        for (int g = 0; g < guides.size(); g++) {
            if (!drop.contains(genes.get(g))) {
                keep.add(g);
            }
        }
        List<String> ng = new ArrayList<>(keep.size());
        List<String> ngenes = new ArrayList<>(keep.size());
        double[][] nc = new double[counts.length][keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            int g = keep.get(k);
            ng.add(guides.get(g));
            ngenes.add(genes.get(g));
            for (int s = 0; s < counts.length; s++) {
                nc[s][k] = counts[s][g];
            }
        }
        return new CountTable(ng, ngenes, samples, nc);
    }
}
