package org.comboscope.io.plate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the SIMULATED example plate-reader exports committed under {@code src/test/resources/plate}
 * (and copied to the cli module). Run once: {@code java -cp ... org.comboscope.io.plate.ExamplePlateFiles DIR}.
 * Every value comes from a seeded simulation; none is measured data.
 *
 * <p>Model: MuSyC with E0 = 1, E1 = E2 = E3 = 0, γ = 1 and potency synergy α: {@code viability =
 * 1 / (1 + x1 + x2 + α x1 x2)}, {@code xi = (di / Ci)^hi}; plate noise: 4 % multiplicative and a
 * small additive reader noise; 3 decimals (MTT absorbance) or integer RLU (CellTiter-Glo 3D).
 */
final class ExamplePlateFiles {
    static final double[] DEFACTINIB_NM = {0, 30, 100, 300, 1000, 3000};
    static final double[] TRAMETINIB_NM = {0, 1, 3, 10, 30, 100, 300, 1000, 3000};
    static final double[] CISPLATIN_UM = {0, 0.5, 1, 2, 4, 8, 16, 32, 64, 128};
    static final double[] VS4718_UM = {0, 0.5, 1};

    private ExamplePlateFiles() {}

    static double musyc(double d1, double c1, double h1, double d2, double c2, double h2, double alpha) {
        double x1 = Math.pow(d1 / c1, h1);
        double x2 = Math.pow(d2 / c2, h2);
        return 1 / (1 + x1 + x2 + alpha * x1 * x2);
    }

    /** Role of a well in the checkerboard layout (same as core's PlateSimulator). */
    static String checkerRole(int r, int c) {
        if (r == 0) {
            return c < 4 ? "blank" : c < 8 ? "vehicle" : "positive";
        }
        if (r == 7) {
            return c < 4 ? "positive" : c < 8 ? "vehicle" : "blank";
        }
        return c == 0 || c >= 10 ? "vehicle" : "sample";
    }

    /** MTT absorbance grid (8 × 12) of one checkerboard plate. */
    static double[][] checkerboard(long seed, double edgeFactor) {
        Random rnd = new Random(seed);
        double[][] g = new double[8][12];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 12; c++) {
                String role = checkerRole(r, c);
                double v =
                        switch (role) {
                            case "blank" -> 0;
                            case "vehicle" -> 1;
                            case "positive" -> 0.02;
                            default -> musyc(DEFACTINIB_NM[r - 1], 1000, 1.0, TRAMETINIB_NM[c - 1], 30, 1.2, 5);
                        };
                boolean edge = r == 0 || r == 7 || c == 0 || c == 11;
                double s = 0.08
                        + 1.1 * v * (1 + 0.04 * rnd.nextGaussian()) * (edge ? edgeFactor : 1)
                        + 0.004 * rnd.nextGaussian();
                g[r][c] = Math.round(s * 1000) / 1000.0;
            }
        }
        return g;
    }

    static String checkerMap() {
        StringBuilder sb = new StringBuilder("well,role,drug1,conc1,drug2,conc2,unit,replicate\n");
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 12; c++) {
                String role = checkerRole(r, c);
                String well = (char) ('A' + r) + Integer.toString(c + 1);
                if (role.equals("sample")) {
                    sb.append(well)
                            .append(",sample,defactinib,")
                            .append(fmt(DEFACTINIB_NM[r - 1]))
                            .append(",trametinib,")
                            .append(fmt(TRAMETINIB_NM[c - 1]))
                            .append(",nM,1\n");
                } else {
                    sb.append(well)
                            .append(',')
                            .append(role.equals("vehicle") ? "DMSO" : role)
                            .append(",,,,,,\n");
                }
            }
        }
        return sb.toString();
    }

    /** CellTiter-Glo 3D: cisplatin (columns 2-11) × VS-4718 0 / 0.5 / 1 µM (rows B-C, D-E, F-G). */
    static String ctgRole(int r, int c) {
        if (r == 0 || r == 7) {
            return c < 4 ? "blank" : c < 8 ? "vehicle" : "positive";
        }
        return c == 0 || c == 11 ? "vehicle" : "sample";
    }

    static long[][] ctg(long seed) {
        Random rnd = new Random(seed);
        long[][] g = new long[8][12];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 12; c++) {
                String role = ctgRole(r, c);
                double v =
                        switch (role) {
                            case "blank" -> 0;
                            case "vehicle" -> 1;
                            case "positive" -> 0.01;
                            default -> musyc(CISPLATIN_UM[c - 1], 13, 1.5, VS4718_UM[(r - 1) / 2], 5, 1.0, 4);
                        };
                double s = 850 + 152000 * v * (1 + 0.04 * rnd.nextGaussian()) + 60 * rnd.nextGaussian();
                g[r][c] = Math.round(s);
            }
        }
        return g;
    }

    static String ctgMap() {
        StringBuilder sb = new StringBuilder("Well,Role,Drug1,Conc1,Drug2,Conc2,Unit,Replicate\n");
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 12; c++) {
                String role = ctgRole(r, c);
                String well = String.format(Locale.ROOT, "%c%02d", (char) ('A' + r), c + 1);
                if (role.equals("sample")) {
                    sb.append(well)
                            .append(",sample,cisplatin,")
                            .append(fmt(CISPLATIN_UM[c - 1]))
                            .append(",VS-4718,")
                            .append(fmt(VS4718_UM[(r - 1) / 2]))
                            .append(",uM,")
                            .append((r - 1) % 2 + 1)
                            .append('\n');
                } else {
                    sb.append(well).append(',').append(role).append(",,,,,,\n");
                }
            }
        }
        return sb.toString();
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    static String grid(double[][] g, boolean labels, char sep) {
        StringBuilder sb = new StringBuilder();
        if (labels) {
            for (int c = 0; c < 12; c++) {
                sb.append(sep).append(c + 1);
            }
            sb.append('\n');
        }
        for (int r = 0; r < 8; r++) {
            if (labels) {
                sb.append((char) ('A' + r)).append(sep);
            }
            for (int c = 0; c < 12; c++) {
                sb.append(c == 0 ? "" : String.valueOf(sep)).append(String.format(Locale.ROOT, "%.3f", g[r][c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<double[][]> reps = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            reps.add(checkerboard(100 + k, 1.0));
        }
        // 1. A reader-style CSV: metadata lines, then three titled plates with row/column labels.
        StringBuilder csv = new StringBuilder();
        csv.append("SIMULATED DATA (MuSyC model + plate noise; not measured)\n");
        csv.append("Instrument,Example Reader\nRead,Absorbance 570 nm\n\n");
        for (int k = 1; k <= 3; k++) {
            csv.append("MTT_rep").append(k).append('\n');
            csv.append(grid(reps.get(k - 1), true, ',')).append('\n');
        }
        write(dir.resolve("mtt_defactinib_trametinib_3plates.csv"), csv.toString());
        // 2. The same plates as a workbook: one sheet per plate, unlabelled grids under a metadata row.
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (int k = 1; k <= 3; k++) {
                Sheet s = wb.createSheet("MTT_rep" + k);
                Row meta = s.createRow(0);
                meta.createCell(0).setCellValue("SIMULATED: absorbance 570 nm");
                meta.createCell(1).setCellValue("96 h");
                for (int r = 0; r < 8; r++) {
                    Row row = s.createRow(r + 2);
                    for (int c = 0; c < 12; c++) {
                        row.createCell(c).setCellValue(reps.get(k - 1)[r][c]);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("mtt_defactinib_trametinib.xlsx"))) {
                wb.write(out);
            }
        }
        // 3. A TSV plate without any labels, with an evaporation edge effect (outer wells 25 % low).
        write(dir.resolve("mtt_edge_effect.tsv"), grid(checkerboard(201, 0.75), false, '\t'));
        write(dir.resolve("checkerboard_map.csv"), checkerMap());
        // 4. CellTiter-Glo 3D luminescence as a long table, two plates, A01-style wells.
        StringBuilder lng = new StringBuilder("Plate,Well,Luminescence (RLU)\n");
        for (int k = 1; k <= 2; k++) {
            long[][] g = ctg(300 + k);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 12; c++) {
                    lng.append("CTG3D_OVCAR3_")
                            .append(k)
                            .append(',')
                            .append(String.format(Locale.ROOT, "%c%02d", (char) ('A' + r), c + 1))
                            .append(',')
                            .append(g[r][c])
                            .append('\n');
                }
            }
        }
        write(dir.resolve("ctg3d_cisplatin_vs4718_long.csv"), lng.toString());
        write(dir.resolve("ctg3d_map.csv"), ctgMap());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("map");
            String[] lines = checkerMap().split("\n");
            for (int i = 0; i < lines.length; i++) {
                Row row = s.createRow(i);
                String[] cells = lines[i].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].isEmpty()) {
                        continue;
                    }
                    boolean num = i > 0 && (c == 3 || c == 5 || c == 7);
                    if (num) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("checkerboard_map.xlsx"))) {
                wb.write(out);
            }
        }
    }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }
}
