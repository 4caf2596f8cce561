package org.comboscope.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.comboscope.report.Fixtures;
import org.comboscope.report.synergy.SynergyRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReportTest {
    static final Path OUT = Path.of("target", "pdf-report");
    static SynergyRun run;
    static Path pdf;

    @BeforeAll
    static void write() throws Exception {
        run = Fixtures.breast();
        Files.createDirectories(OUT);
        pdf = OUT.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfReport().write(run, out);
        }
    }

    /** Fraction of pixels that are not (near) white. */
    static double ink(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 240 || ((rgb >> 8) & 0xff) < 240 || (rgb & 0xff) < 240) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }

    @Test
    void sixBlocks_pdfboxRender_ninePagesNoneBlankBlockPagesFull() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // title, one index page, overview, six block pages
            assertThat(doc.getNumberOfPages()).isEqualTo(9);
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage img = r.renderImageWithDPI(i, 40);
                double ink = ink(img);
                assertThat(ink).as("ink on page " + (i + 1)).isGreaterThan(i >= 3 ? 0.15 : 0.01);
                if (i == 3) {
                    ImageIO.write(
                            r.renderImageWithDPI(i, 110),
                            "png",
                            OUT.resolve("block-page.png").toFile());
                }
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Input SHA-256", "0".repeat(64), "block 99", "Ranked blocks");
            assertThat(text).contains("Block 1: Everolimus + Dactolisib");
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(4);
            assertThat(doc.getPage(1).getAnnotations()).hasSize(6);
        }
    }

    @Test
    void pdftoppm_everyPageConverts_noneBlank() throws Exception {
        File bin = new File("/usr/bin/pdftoppm");
        if (!bin.canExecute()) {
            String msg = "pdftoppm (poppler-utils) is missing";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " under CI=true; .ci/run installs poppler-utils");
            }
            Assumptions.abort(msg + "; skipped outside CI");
        }
        Path dir = Files.createTempDirectory(OUT.toAbsolutePath(), "ppm");
        Process p = new ProcessBuilder(
                        bin.getPath(),
                        "-png",
                        "-r",
                        "30",
                        pdf.toString(),
                        dir.resolve("p").toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        List<Path> pngs = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(f -> f.toString().endsWith(".png")).sorted().forEach(pngs::add);
        }
        assertThat(pngs).hasSize(9);
        for (Path png : pngs) {
            assertThat(ink(ImageIO.read(png.toFile())))
                    .as(png.getFileName().toString())
                    .isGreaterThan(0.01);
        }
    }
}
