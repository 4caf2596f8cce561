package org.comboscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.comboscope.report.DocFixtures;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportDoc.Figure;
import org.comboscope.report.plot.ChartFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A 320-block ci report in headless chromium: index, one page of sections at a time, deep links, size. */
class DocumentPagingBrowserTest {
    static final Path OUT = Path.of("target", "doc-html");
    static final int BLOCKS = 320;
    static ChromeDriver driver;
    static ReportDoc doc;
    static Path file;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(OUT);
        doc = DocFixtures.ciMany(BLOCKS);
        file = OUT.resolve("ci-" + BLOCKS + ".html");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DocumentHtml().write(doc, w);
        }
        driver = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static void load(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        assertThat(js("return window.__errors.length;")).as("script errors").isEqualTo(0L);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Ids of the block sections in the live DOM. */
    @SuppressWarnings("unchecked")
    private static List<String> shownBlocks() {
        return (List<String>) js("return Array.prototype.map.call(document.querySelectorAll("
                + "'section.doc-section[id^=\"block-\"]'),function(s){return s.id;});");
    }

    private static long visibleIndexRows() {
        return driver.findElements(By.cssSelector("table[data-table='index'] tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .count();
    }

    @Test
    void longCiReport_chromium_indexListsEveryBlockAndOnePageIsLive() throws Exception {
        load(Browser.url(file));
        Files.write(OUT.resolve("ci-" + BLOCKS + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        // the index: one row per block, linking to its section, failed blocks badged
        List<WebElement> rows = driver.findElements(By.cssSelector("table[data-table='index'] tbody tr"));
        assertThat(rows).hasSize(BLOCKS);
        assertThat(rows.get(0).getText()).startsWith("B0001 drugA + drugB");
        assertThat(driver.findElements(By.cssSelector("table[data-table='index'] tbody tr .badge.warn")))
                .hasSize(BLOCKS / 10);
        assertThat(driver.findElements(By.cssSelector("table[data-table='index'] a[href^='#block-']")))
                .hasSize(BLOCKS);
        // only the first page of sections is in the DOM; every block waits in a template
        assertThat(shownBlocks())
                .hasSize(DocumentHtml.PAGE_SIZE)
                .startsWith("block-B0001")
                .endsWith("block-B0020");
        assertThat(js("return document.querySelectorAll('template[data-section]').length;"))
                .isEqualTo((long) BLOCKS);
        assertThat(js("return document.querySelectorAll('figure.chart').length;"))
                .isEqualTo(2L * 18);
        // the charts of the page are drawn, with unique ids
        for (WebElement f : driver.findElements(By.cssSelector("#pages figure.chart"))) {
            assertThat(f.getSize().getWidth()).isGreaterThan(200);
            assertThat(f.findElements(By.cssSelector("svg path, svg rect, svg line"))
                            .size())
                    .isGreaterThan(20);
        }
        assertThat(js("var s={},d=0;document.querySelectorAll('svg [id]').forEach(function(e){"
                        + "if(s[e.id]){d++;}s[e.id]=1;});return d;"))
                .isEqualTo(0L);
        // the block overview table stays, with every block
        assertThat(driver.findElements(By.cssSelector("table[data-table='overview'] tbody tr")))
                .hasSize(BLOCKS);

        // next / previous
        driver.findElement(By.cssSelector("#paged button.next")).click();
        assertThat(shownBlocks())
                .hasSize(DocumentHtml.PAGE_SIZE)
                .startsWith("block-B0021")
                .endsWith("block-B0040");
        assertThat(driver.findElement(By.cssSelector("#paged .page-label")).getText())
                .isEqualTo("Page 2 of 16 (sections 21–40 of 320)");
        // a sortable table of the new page works
        WebElement th = driver.findElement(By.cssSelector("#block-B0021 table[data-table='median-effect'] th"));
        th.click();
        assertThat(th.getAttribute("data-sort")).isEqualTo("asc");
        driver.findElement(By.cssSelector("#paged button.prev")).click();
        assertThat(shownBlocks()).startsWith("block-B0001");
        assertThat(driver.findElement(By.cssSelector("#paged button.prev")).isEnabled())
                .isFalse();

        // the filter box narrows the index
        WebElement box = driver.findElement(By.id("index-filter"));
        box.sendKeys("B0137");
        assertThat(visibleIndexRows()).isEqualTo(1);
        box.clear();
        box.sendKeys("warn");
        assertThat(visibleIndexRows()).isEqualTo(BLOCKS / 10);
        // clicking a row opens its page and shows the section
        driver.findElements(By.cssSelector("table[data-table='index'] tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .filter(r -> r.getText().startsWith("B0250"))
                .findFirst()
                .orElseThrow()
                .click();
        assertThat(shownBlocks()).startsWith("block-B0241").contains("block-B0250");
        WebElement failed = driver.findElement(By.id("block-B0250"));
        assertThat(failed.getText()).contains("Not analysed (ci): drug 'drugC' has 0 distinct concentrations");
        assertThat(driver.getCurrentUrl()).endsWith("#block-B0250");
        assertThat(inViewport(failed)).isTrue();
    }

    @Test
    void longCiReport_deepLink_opensThePageOfTheBlock() {
        load(Browser.url(file) + "#block-B0301");
        assertThat(shownBlocks()).hasSize(20).startsWith("block-B0301").endsWith("block-B0320");
        WebElement s = driver.findElement(By.id("block-B0301"));
        assertThat(s.findElements(By.cssSelector("figure[data-plot='fa-ci'] svg")))
                .hasSize(1);
        assertThat(inViewport(s)).isTrue();
        // back in history to the first page through a hash change
        js("location.hash='#block-B0005';");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> shownBlocks().contains("block-B0005"));
        assertThat(shownBlocks()).startsWith("block-B0001");
        // an id that is no section leaves the page alone
        js("location.hash='#inputs';");
        assertThat(shownBlocks()).startsWith("block-B0001");
    }

    private static boolean inViewport(WebElement e) {
        Object top = js("return arguments[0].getBoundingClientRect().top;", e);
        double t = ((Number) top).doubleValue();
        return t >= -2 && t < 600;
    }

    /**
     * The compact SVG draws the same picture as Batik's own output: both inlined in chromium at
     * 3 screen pixels per point, screenshots compared pixel by pixel.
     */
    @Test
    void compactSvg_chromium_samePixelsAsBatikOutput() throws Exception {
        load(Browser.url(file));
        int checked = 0;
        for (ReportDoc.Part p : doc.sections().get(1).parts()) {
            if (!(p instanceof Figure f)) {
                continue;
            }
            String raw = ChartFiles.svg(f.chart(), f.widthPt(), f.heightPt(), "raw_", false);
            String compact = ChartFiles.svg(f.chart(), f.widthPt(), f.heightPt(), "raw_", true);
            assertThat(compact.length()).as(f.kind() + " compact size").isLessThan(raw.length() * 85 / 100);
            assertThat(marks(compact)).as(f.kind() + " elements").isEqualTo(marks(raw));
            BufferedImage a = shot(raw, f.widthPt() * 3);
            BufferedImage b = shot(compact, f.widthPt() * 3);
            ImageIO.write(
                    a, "png", OUT.resolve("svg-" + f.kind() + "-batik.png").toFile());
            ImageIO.write(
                    b, "png", OUT.resolve("svg-" + f.kind() + "-compact.png").toFile());
            Files.writeString(OUT.resolve("svg-" + f.kind() + "-batik.svg"), raw);
            Files.writeString(OUT.resolve("svg-" + f.kind() + "-compact.svg"), compact);
            assertThat(b.getWidth()).isEqualTo(a.getWidth());
            assertThat(b.getHeight()).isEqualTo(a.getHeight());
            long differing = 0;
            long inked = 0;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    int pa = a.getRGB(x, y);
                    int pb = b.getRGB(x, y);
                    if ((pa & 0xffffff) != 0xffffff) {
                        inked++;
                    }
                    int d = Math.max(
                            Math.abs(((pa >> 16) & 255) - ((pb >> 16) & 255)),
                            Math.max(
                                    Math.abs(((pa >> 8) & 255) - ((pb >> 8) & 255)),
                                    Math.abs((pa & 255) - (pb & 255))));
                    if (d > 48) {
                        differing++;
                    }
                }
            }
            System.out.println(f.kind() + ": " + raw.length() + " -> " + compact.length() + " bytes; " + differing
                    + " of " + inked + " inked pixels differ by more than 48/255");
            assertThat(inked).as(f.kind() + " drawn").isGreaterThan(10_000);
            assertThat(differing).as(f.kind() + " pixels that differ visibly").isLessThan(inked / 1000);
            checked++;
        }
        assertThat(checked).isEqualTo(2);
    }

    private static final Pattern MARK = Pattern.compile("<(path|line|rect|text|circle|ellipse|polygon|polyline)[ >/]");

    private static int marks(String svg) {
        Matcher m = MARK.matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static BufferedImage shot(String svg, int px) throws Exception {
        String inner = svg.substring(svg.indexOf("<svg"));
        js(
                "document.body.innerHTML='';var d=document.createElement('div');d.id='shot';"
                        + "d.style.cssText='width:" + px + "px;background:#fff;padding:0;margin:0';"
                        + "d.innerHTML=arguments[0];d.firstChild.style.width='100%';d.firstChild.style.height='auto';"
                        + "d.firstChild.style.display='block';document.body.appendChild(d);window.scrollTo(0,0);",
                inner);
        byte[] png = driver.findElement(By.id("shot")).getScreenshotAs(OutputType.BYTES);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /**
     * Bytes of the report per block and of a block's two charts: fails if the SVG compaction
     * regresses. Measured at writing: 48 134 bytes per block (Batik's output: about 99 000 in the
     * {@code ci --report} of 25 simulated blocks), 42 135 bytes for the two charts of block B01.
     */
    @Test
    void longCiReport_size_boundedPerBlock() throws Exception {
        long size = Files.size(file);
        System.out.println("ci report " + BLOCKS + " blocks: " + size + " bytes, " + size / BLOCKS + " per block");
        int figs = 0;
        long svgBytes = 0;
        long rawBytes = 0;
        for (ReportDoc.Part p : doc.sections().get(1).parts()) {
            if (p instanceof Figure f) {
                svgBytes += ChartFiles.svg(f.chart(), f.widthPt(), f.heightPt(), "f0_")
                        .length();
                rawBytes += ChartFiles.svg(f.chart(), f.widthPt(), f.heightPt(), "f0_", false)
                        .length();
                figs++;
            }
        }
        System.out.println("charts of a block: " + figs + ", " + svgBytes + " bytes (Batik: " + rawBytes + ")");
        assertThat(figs).isEqualTo(2);
        assertThat(svgBytes).as("bytes of a block's two charts").isLessThan(48_000);
        assertThat(size / BLOCKS).as("bytes per block").isLessThan(56_000);
    }
}
