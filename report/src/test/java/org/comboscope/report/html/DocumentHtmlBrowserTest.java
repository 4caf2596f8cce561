package org.comboscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.comboscope.report.DocFixtures;
import org.comboscope.report.doc.ReportDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Opens the ci, survival, plate and screen reports in headless chromium and checks them like a reader. */
class DocumentHtmlBrowserTest {
    static final Path OUT = Path.of("target", "doc-html");
    static ChromeDriver driver;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(OUT);
        driver = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Path open(String name, ReportDoc doc) throws Exception {
        Path file = OUT.resolve(name + ".html");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DocumentHtml().write(doc, w);
        }
        driver.get(Browser.url(file));
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        Files.write(OUT.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        assertThat(errors()).as("script errors").isEmpty();
        // no network: no external script, style, image or link
        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http");
        // provenance block as in the synergy report
        assertThat(driver.findElement(By.id("inputs")).getText()).contains("Input SHA-256", "0".repeat(64));
        return file;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> errors() {
        return (List<Object>) ((JavascriptExecutor) driver).executeScript("return window.__errors;");
    }

    /** The figures of a kind, each asserted to be drawn: an SVG with marks or a decoded PNG. */
    private static List<WebElement> plots(String kind, int expected) {
        List<WebElement> figs = driver.findElements(By.cssSelector("figure[data-plot='" + kind + "']"));
        assertThat(figs).as(kind).hasSize(expected);
        for (WebElement f : figs) {
            assertThat(f.getSize().getWidth()).as(kind + " width").isGreaterThan(200);
            assertThat(f.getSize().getHeight()).as(kind + " height").isGreaterThan(150);
            List<WebElement> img = f.findElements(By.tagName("img"));
            if (img.isEmpty()) {
                assertThat(f.findElements(By.cssSelector("svg path, svg rect, svg line"))
                                .size())
                        .as(kind + " SVG marks")
                        .isGreaterThan(20);
            } else {
                Object w = ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth;", img.get(0));
                assertThat(((Number) w).intValue()).as(kind + " PNG decoded").isGreaterThan(500);
            }
        }
        return figs;
    }

    private static int rows(String table) {
        return driver.findElements(By.cssSelector("table[data-table='" + table + "'] tbody tr"))
                .size();
    }

    /** Chart ids are prefixed per figure: a clip path id occurring twice would clip the wrong chart. */
    private static void uniqueIds() {
        Object dup = ((JavascriptExecutor) driver)
                .executeScript("var s={},d=[];document.querySelectorAll('svg [id]').forEach(function(e){"
                        + "if(s[e.id]){d.push(e.id);}s[e.id]=1;});return d.length;");
        assertThat(((Number) dup).intValue()).as("duplicate SVG ids").isZero();
    }

    @Test
    void ciReport_chromium_tablesFaCiAndIsobologramDrawnConventionsShown() throws Exception {
        open("ci", DocFixtures.ci());
        plots("fa-ci", 1);
        plots("isobologram", 1);
        uniqueIds();
        assertThat(rows("median-effect")).isEqualTo(2);
        assertThat(rows("ci-levels")).isGreaterThanOrEqualTo(4);
        assertThat(rows("musyc-parameters")).isEqualTo(13);
        assertThat(rows("zimmer-parameters")).isEqualTo(6);
        assertThat(rows("overview")).isEqualTo(2);
        String conventions =
                driver.findElement(By.cssSelector("ul.conventions")).getText();
        assertThat(conventions)
                .contains("CI < 1 synergy", "beta > 0 synergistic efficacy", "alpha > 1 synergistic potency");
        String musyc = driver.findElement(By.cssSelector("table[data-table='musyc-parameters']"))
                .getText();
        assertThat(musyc).containsPattern("beta [<>] 0: (synergistic|antagonistic) efficacy");
        // the block that failed is badged and says why
        WebElement failed = driver.findElement(By.id("block-P05"));
        assertThat(failed.getAttribute("data-status")).isEqualTo("warn");
        assertThat(failed.getText()).contains("Not analysed (ci): drug 'drugC' has 0 distinct concentrations");
        // sorting the overview by a column reorders its rows
        WebElement th = driver.findElements(By.cssSelector("table[data-table='overview'] th"))
                .get(0);
        th.click();
        th.click();
        assertThat(driver.findElement(By.cssSelector("table[data-table='overview'] tbody tr"))
                        .getText())
                .startsWith("P05");
    }

    @Test
    void survivalReport_chromium_kmPlotAndTablesShown() throws Exception {
        open("survival", DocFixtures.survival());
        WebElement km = plots("km", 1).get(0);
        // both group curves and a mark per censored (group, time): lung has 61 such pairs
        assertThat(km.findElements(By.cssSelector("svg path, svg line")).size()).isGreaterThanOrEqualTo(2 + 61);
        assertThat(rows("at-risk")).isEqualTo(2);
        assertThat(rows("medians")).isEqualTo(2);
        assertThat(rows("survival-at")).isEqualTo(6);
        assertThat(rows("logrank-test")).isEqualTo(1);
        assertThat(rows("cox-terms")).isEqualTo(2);
        // R: survfit(Surv(time, status) ~ sex, lung): median 270 (212, 310) male, 426 (348, 550) female
        String medians = driver.findElement(By.cssSelector("table[data-table='medians']"))
                .getText();
        assertThat(medians).contains("female 90 53 426 348 – 550").contains("male 138 112 270 212 – 310");
        // R: summary(fit, times = 365): male 0.336, female 0.526
        String at = driver.findElement(By.cssSelector("table[data-table='survival-at']"))
                .getText();
        assertThat(at).contains("365 female 30 0.5265").contains("365 male 35 0.3361");
        assertThat(at).contains("beyond the last follow-up time 965");
    }

    @Test
    void plateReport_chromium_plateMapsQcTablesAndFailingPlateMarked() throws Exception {
        open("plate", DocFixtures.plate());
        plots("plate-map", 4);
        plots("block-response", 1);
        uniqueIds();
        assertThat(rows("plates")).isEqualTo(4);
        assertThat(driver.findElements(By.cssSelector("table[data-table='qc']")))
                .hasSize(4);
        WebElement failing = driver.findElement(By.id("plate-mtt_edge_effect"));
        assertThat(failing.getAttribute("class")).contains("fail");
        assertThat(failing.findElement(By.cssSelector("h2 .badge")).getText()).isEqualTo("FAIL");
        assertThat(failing.getText()).contains("Not used: failed QC (edge_effect)");
        assertThat(failing.findElements(By.cssSelector("table[data-table='qc'] tr.fail")))
                .isNotEmpty();
        // every QC row shows its thresholds
        String qc =
                failing.findElement(By.cssSelector("table[data-table='qc']")).getText();
        assertThat(qc).contains("z_prime", "cv_vehicle", "edge_effect", "drift", "outliers", "saturation", "< 0.5");
        // the overview row of the failing plate is shaded
        assertThat(driver.findElements(By.cssSelector("table[data-table='plates'] tr.fail")))
                .hasSize(1);
    }

    @Test
    void screenReport_chromium_rankAndVolcanoDrawnTopHitsListed() throws Exception {
        open("screen-small", DocFixtures.screen(400));
        List<WebElement> rank = plots("rank", 1);
        plots("volcano", 1);
        uniqueIds();
        // planted sensitisers are labelled on the rank plot
        assertThat(rank.get(0).getText()).contains("GENE");
        assertThat(rows("depleted")).isEqualTo(50);
        assertThat(rows("enriched")).isEqualTo(50);
        String dep = driver.findElement(By.cssSelector("table[data-table='depleted'] tbody tr"))
                .getText();
        assertThat(Integer.parseInt(dep.split(" ")[1].substring(4)))
                .as("top depleted gene is planted")
                .isLessThan(30);
        // the filter box hides rows that do not match
        WebElement box =
                driver.findElements(By.cssSelector("input.table-filter")).get(0);
        box.sendKeys("GENE1");
        long visible = driver.findElements(By.cssSelector("table[data-table='depleted'] tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .count();
        assertThat(visible).isBetween(1L, 49L);

        // a genome-scale screen is embedded as PNG and stays small
        Path big = open("screen-big", DocFixtures.screen(18000));
        plots("rank", 1);
        plots("volcano", 1);
        assertThat(driver.findElements(By.cssSelector("figure[data-plot='rank'] img")))
                .hasSize(1);
        assertThat(Files.size(big)).isLessThan(1_500_000);
    }
}
