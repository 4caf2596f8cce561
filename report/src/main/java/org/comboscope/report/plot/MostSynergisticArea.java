package org.comboscope.report.plot;

/**
 * SynergyFinder's "most synergistic area": the 3×3 window of adjacent dose combinations (both
 * drugs present) with the highest mean synergy score. Ties go to the first window in row-major
 * order. A grid with fewer than 3 combination doses of a drug uses all of them in that direction.
 * Cells without a score are left out of the mean; a window without any score is skipped.
 *
 * @param row first row index in the full grid (drug 1 dose index)
 * @param col first column index in the full grid (drug 2 dose index)
 * @param rows window height
 * @param cols window width
 * @param mean mean synergy in the window
 */
public record MostSynergisticArea(int row, int col, int rows, int cols, double mean) {

    /**
     * Finds the area in {@code synergy[i][j]}; combination cells are those with {@code conc1[i] >
     * 0} and {@code conc2[j] > 0}.
     *
     * @return the area, or empty when the block has no scored combination cell
     */
    public static java.util.Optional<MostSynergisticArea> find(double[] conc1, double[] conc2, double[][] synergy) {
        int i0 = firstPositive(conc1);
        int j0 = firstPositive(conc2);
        int h = Math.min(3, conc1.length - i0);
        int w = Math.min(3, conc2.length - j0);
        if (h <= 0 || w <= 0) {
            return java.util.Optional.empty();
        }
        MostSynergisticArea best = null;
        for (int i = i0; i + h <= conc1.length; i++) {
            for (int j = j0; j + w <= conc2.length; j++) {
                double sum = 0;
                int n = 0;
                for (int a = i; a < i + h; a++) {
                    for (int b = j; b < j + w; b++) {
                        double v = synergy[a][b];
                        if (Double.isFinite(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
                if (n > 0 && (best == null || sum / n > best.mean)) {
                    best = new MostSynergisticArea(i, j, h, w, sum / n);
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static int firstPositive(double[] c) {
        int i = 0;
        while (i < c.length && !(c[i] > 0)) {
            i++;
        }
        return i;
    }
}
