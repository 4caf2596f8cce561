package org.comboscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.report.Fixtures;
import org.comboscope.report.synergy.BlockView;
import org.comboscope.report.synergy.SynergyRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Opens the HTML report in headless chromium and checks it like a reader would. */
class HtmlReportBrowserTest {
    static final Path OUT = Path.of("target", "html-report");
    static SynergyRun run;
    static ChromeDriver driver;

    @BeforeAll
    static void setUp() throws Exception {
        run = Fixtures.breast();
        Files.createDirectories(OUT);
        driver = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Path write(String name, HtmlReport report) throws Exception {
        Path file = OUT.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            report.write(run, w);
        }
        return file;
    }

    private static void waitRendered() {
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> errors() {
        return (List<Object>) ((JavascriptExecutor) driver).executeScript("return window.__errors;");
    }

    private static void assertBlockPlots(WebElement section, BlockView b) {
        for (String kind : List.of("curve1", "curve2", "response", "surface", "barometer")) {
            WebElement plot = section.findElement(By.cssSelector("[data-plot='" + kind + "']"));
            assertThat(plot.getAttribute("class")).as(kind).contains("js-plotly-plot");
            assertThat(plot.findElements(By.cssSelector(".main-svg"))).as(kind).isNotEmpty();
        }
        for (SynergyMethod m : b.methods()) {
            WebElement heat = section.findElement(By.cssSelector("[data-plot='synergy-" + m.column() + "']"));
            assertThat(heat.findElements(By.cssSelector(".hm image, .heatmaplayer image, g.hm")))
                    .as(m.column() + " heat map layer")
                    .isNotEmpty();
            // the most synergistic area is a layout shape
            assertThat(heat.findElements(By.cssSelector(".shapelayer path")))
                    .as(m.column() + " outlined area")
                    .isNotEmpty();
        }
        assertThat(section.findElement(By.cssSelector("[data-plot='surface']")).findElements(By.tagName("canvas")))
                .as("WebGL surface canvas")
                .isNotEmpty();
        assertThat(section.findElement(By.cssSelector("[data-plot='curve1']"))
                        .findElements(By.cssSelector(".scatterlayer .trace")))
                .as("band, fit, points, control")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void gzipReport_firstAndSecondPage_everyPlotDrawnWithoutScriptErrors() throws Exception {
        Path file = write("report.html", new HtmlReport(HtmlReport.PlotlyEmbedding.GZIP, 5));
        long t0 = System.nanoTime();
        driver.get(Browser.url(file));
        waitRendered();
        System.out.printf(
                "report.html (%d bytes): first page rendered in %.1f s%n",
                Files.size(file), (System.nanoTime() - t0) / 1e9);
        assertThat(errors()).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#ranked tbody tr")))
                .hasSize(run.blocks().size());
        assertThat(driver.findElement(By.id("plot-scatter")).findElements(By.cssSelector(".scatterlayer .point")))
                .hasSize(run.blocks().size());
        assertThat(driver.findElement(By.id("not-analysed")).getText()).contains("block 99");
        assertThat(driver.findElement(By.id("inputs")).getText()).contains("0".repeat(64), "synergyfinder");
        List<WebElement> sections = driver.findElements(By.cssSelector("#block-view section.block"));
        assertThat(sections).hasSize(5);
        for (WebElement s : sections) {
            String id = s.getAttribute("data-block");
            BlockView b = run.blocks().stream()
                    .filter(x -> x.blockId().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertBlockPlots(s, b);
        }
        Files.write(OUT.resolve("page1.png"), driver.getScreenshotAs(OutputType.BYTES));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", sections.get(0));
        Files.write(OUT.resolve("block.png"), driver.getScreenshotAs(OutputType.BYTES));
        // the first section is the top-ranked block by ZIP
        BlockView top = run.blocks().stream()
                .max(java.util.Comparator.comparingDouble(b -> b.zip().orElse(Double.NEGATIVE_INFINITY)))
                .orElseThrow();
        assertThat(sections.get(0).getAttribute("data-block")).isEqualTo(top.blockId());

        driver.findElement(By.cssSelector("#pager button[data-go='next']")).click();
        waitRendered();
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-page"))
                .isEqualTo("1");
        List<WebElement> page2 = driver.findElements(By.cssSelector("#block-view section.block"));
        assertThat(page2).hasSize(1);
        assertBlockPlots(
                page2.get(0),
                run.blocks().stream()
                        .filter(x -> x.blockId().equals(page2.get(0).getAttribute("data-block")))
                        .findFirst()
                        .orElseThrow());
        // choosing another dose pair redraws the barometer
        WebElement last = page2.get(0);
        BlockView lb = run.blocks().stream()
                .filter(x -> x.blockId().equals(last.getAttribute("data-block")))
                .findFirst()
                .orElseThrow();
        org.openqa.selenium.support.ui.Select sel =
                new org.openqa.selenium.support.ui.Select(last.findElement(By.cssSelector("select[data-axis='1']")));
        sel.selectByIndex(1);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> last.findElement(By.cssSelector("[data-plot='barometer'] .gtitle"))
                        .getText()
                        .startsWith("Barometer: " + lb.drug1() + " "
                                + org.comboscope.report.plot.Charts.conc(lb.conc1()[1]) + " +"));
        assertThat(errors()).isEmpty();
        Files.write(OUT.resolve("page2.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void plainReport_noNetworkReferences_rendersWithoutErrors() throws Exception {
        Path file = write("report-plain.html", new HtmlReport(HtmlReport.PlotlyEmbedding.PLAIN, 10));
        String html = Files.readString(file);
        assertThat(html).doesNotContain("<script src", "<link ", "@import");
        driver.get(Browser.url(file));
        waitRendered();
        // nothing was fetched: the only resource is the file itself
        assertThat((List<?>) ((JavascriptExecutor) driver)
                        .executeScript("return performance.getEntriesByType('resource').map(e => e.name);"))
                .isEmpty();
        assertThat(errors()).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#block-view section.block")))
                .hasSize(6);
        assertThat(driver.findElements(By.cssSelector("#block-view [data-plot='surface'] canvas")))
                .hasSizeGreaterThanOrEqualTo(6);
    }
}
