package org.comboscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.report.html.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user's path in headless Debian chromium: create a project and an experiment, upload SynergyFinder's
 * real example table, wait for the analysis, open a block and check that the heat maps and the 3-D
 * surface are drawn with SynergyFinder's values.
 */
class ServerBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void uploadAnalyseOpenBlock_mathews_plotsShowSynergyFinderScores() throws Exception {
        Path input = Path.of(ServerBrowserTest.class
                .getResource("/mathews/mathews_screening_data.csv")
                .toURI());
        Map<String, Double> zip = reference("ZIP_synergy");
        Map<String, Double> bliss = reference("Bliss_synergy");
        try (ComboscopeServer server = ComboscopeServer.start(ComboscopeServer.Config.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + tmp.resolve("ui.db"))
                .withWorkDir(tmp.resolve("work")))) {
            ChromeDriver driver = Browser.start();
            try {
                // The analysis page re-renders while it polls: an element found may be replaced before it is read.
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
                wait.ignoring(StaleElementReferenceException.class);
                driver.get(server.baseUrl() + "/#/");
                wait.until(d -> !d.findElements(By.id("new-project")).isEmpty());
                driver.findElement(By.cssSelector("#new-project input[name=name]"))
                        .sendKeys("Defactinib partners");
                driver.findElement(By.cssSelector("#new-project button")).click();
                wait.until(d -> !d.findElements(By.id("new-experiment")).isEmpty());
                driver.findElement(By.cssSelector("#new-experiment input[name=assay]"))
                        .sendKeys("MTT 96 h");
                driver.findElement(By.cssSelector("#new-experiment input[name=cellLine]"))
                        .sendKeys("OVCAR8");
                driver.findElement(By.cssSelector("#new-experiment button")).click();
                wait.until(d -> !d.findElements(By.cssSelector("form.upload")).isEmpty());
                driver.findElement(By.cssSelector("form.upload input[type=file]"))
                        .sendKeys(input.toString());
                driver.findElement(By.cssSelector("form.upload button[type=submit]"))
                        .click();
                wait.until(d -> {
                    List<WebElement> s = d.findElements(By.id("status"));
                    return !s.isEmpty() && s.get(0).getText().equals("SUCCEEDED");
                });
                wait.until(d ->
                        d.findElements(By.cssSelector("#blocks-table tbody tr")).size() == 2);
                assertThat(driver.findElement(By.id("files")).getText()).contains("report.html", "cells.csv");

                driver.findElement(By.linkText("1")).click();
                wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("var s = document.getElementById('surface');"
                                + " return !!(s && s.data && s.querySelector('canvas'));")));
                JavascriptExecutor js = driver;
                assertThat(js.executeScript("return document.getElementById('surface').data[0].type"))
                        .isEqualTo("surface");
                assertThat(driver.findElements(By.cssSelector("#heat-synergy .hm image")))
                        .isNotEmpty();
                assertThat(driver.findElements(By.cssSelector("#heat-response .hm image")))
                        .isNotEmpty();
                assertGrid(js, "heat-synergy", zip);
                assertGrid(js, "surface", zip);
                // response heat map: % inhibition = 100 - viability of the input, cell 2500 nM x 50 nM
                assertThat(cell(js, "heat-response", "2500", "50")).isCloseTo(100 - 7.802637, within(1e-9));

                new Select(driver.findElement(By.id("method"))).selectByVisibleText("Bliss");
                wait.until(d -> String.valueOf(((JavascriptExecutor) d)
                                .executeScript("return document.getElementById('heat-synergy').layout.title.text"))
                        .startsWith("Bliss"));
                assertGrid(js, "heat-synergy", bliss);
                assertThat(js.executeScript("return window.__errors.length")).isEqualTo(0L);
                Files.write(Path.of("target", "server-block.png"), driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.quit();
            }
        }
    }

    /**
     * Deleting through the page: an analysis from its page (back to the project); an experiment, where
     * the confirmation names what goes, Cancel keeps everything and Delete removes it with its dataset
     * and analysis and re-renders the project; a refusal (409) is shown in the page; deleting the
     * project returns to the list.
     */
    @Test
    void deleteExperimentThenProject_throughConfirmationDialog_goneFromPageAndStore() throws Exception {
        byte[] table;
        try (var in = ServerBrowserTest.class.getResourceAsStream("/mathews/mathews_screening_data.csv")) {
            table = in.readAllBytes();
        }
        try (ComboscopeServer server = ComboscopeServer.start(ComboscopeServer.Config.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + tmp.resolve("delete.db"))
                .withWorkDir(tmp.resolve("work")))) {
            TestHttp http = new TestHttp(server.baseUrl(), "");
            long p = http.postJson("/api/projects", "{\"name\":\"Doomed\"}")
                    .json()
                    .get("id")
                    .asLong();
            long e1 = http.postJson(
                            "/api/projects/" + p + "/experiments", "{\"assay\":\"MTT\",\"cellLine\":\"OVCAR8\"}")
                    .json()
                    .get("id")
                    .asLong();
            long e2 = http.postJson("/api/projects/" + p + "/experiments", "{\"assay\":\"CTG\",\"cellLine\":\"A549\"}")
                    .json()
                    .get("id")
                    .asLong();
            long d1 = http.upload("/api/experiments/" + e1 + "/datasets", "m.csv", table)
                    .json()
                    .get("id")
                    .asLong();
            long a1 = http.postJson("/api/datasets/" + d1 + "/analyses", "{\"report\":false}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(http.awaitAnalysis(a1, 120).get("status").asText()).isEqualTo("SUCCEEDED");
            long d2 = http.upload("/api/experiments/" + e2 + "/datasets", "n.csv", table)
                    .json()
                    .get("id")
                    .asLong();
            long failed = server.store()
                    .analyses()
                    .create(d1, "synergy", "{}", "test")
                    .id();
            server.store().analyses().fail(failed, "made to fail by the test");
            // Queued in the store only (no worker): experiment 2 cannot be deleted while it is.
            long queued = server.store()
                    .analyses()
                    .create(d2, "synergy", "{}", "test")
                    .id();

            ChromeDriver driver = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                driver.get(server.baseUrl() + "/#/analyses/" + failed);
                wait.until(d -> !d.findElements(By.id("delete-analysis")).isEmpty());
                driver.findElement(By.id("delete-analysis")).click();
                WebElement dialog = driver.findElement(By.id("confirm-dialog"));
                wait.until(d -> dialog.isDisplayed());
                assertThat(driver.findElement(By.id("confirm-text")).getText())
                        .isEqualTo("Delete analysis #" + failed + " of m.csv with its results?");
                Files.write(Path.of("target", "server-delete-dialog.png"), driver.getScreenshotAs(OutputType.BYTES));
                driver.findElement(By.id("confirm-delete")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("#/projects/" + p));
                By deleteE1 = By.cssSelector("button.delete-experiment[data-id='" + e1 + "']");
                wait.until(d -> !d.findElements(deleteE1).isEmpty());

                assertThat(server.store().analyses().find(failed)).isEmpty();
                assertThat(server.store().analyses().find(a1)).isPresent();

                driver.findElement(deleteE1).click();
                wait.until(d -> dialog.isDisplayed());
                assertThat(driver.findElement(By.id("confirm-text")).getText())
                        .isEqualTo("Delete experiment " + e1 + " (MTT · OVCAR8) with 1 dataset and 1 analysis?");
                driver.findElement(By.id("confirm-cancel")).click();
                wait.until(d -> !dialog.isDisplayed());
                assertThat(server.store().experiments().find(e1)).isPresent();

                driver.findElement(deleteE1).click();
                wait.until(d -> dialog.isDisplayed());
                driver.findElement(By.id("confirm-delete")).click();
                wait.until(d -> d.findElements(deleteE1).isEmpty()
                        && !d.findElements(By.cssSelector(".experiment[data-id='" + e2 + "']"))
                                .isEmpty());
                assertThat(server.store().experiments().find(e1)).isEmpty();
                assertThat(server.store().datasets().find(d1)).isEmpty();
                assertThat(server.store().analyses().find(a1)).isEmpty();
                assertThat(driver.findElements(By.cssSelector(".experiment"))).hasSize(1);

                By deleteE2 = By.cssSelector("button.delete-experiment[data-id='" + e2 + "']");
                driver.findElement(deleteE2).click();
                wait.until(d -> dialog.isDisplayed());
                assertThat(driver.findElement(By.id("confirm-detail")).getText())
                        .contains("1 analysis still queued or running");
                driver.findElement(By.id("confirm-delete")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#main .error")).isEmpty());
                assertThat(driver.findElement(By.cssSelector("#main .error")).getText())
                        .startsWith("[conflict] cannot delete experiment " + e2)
                        .contains("analysis " + queued + " (QUEUED)");
                assertThat(server.store().experiments().find(e2)).isPresent();

                server.store().analyses().fail(queued, "cancelled by the test");
                driver.findElement(By.id("delete-project")).click();
                wait.until(d -> dialog.isDisplayed());
                assertThat(driver.findElement(By.id("confirm-text")).getText())
                        .isEqualTo("Delete project \"Doomed\" with 1 experiment, 1 dataset and 1 analysis?");
                driver.findElement(By.id("confirm-delete")).click();
                wait.until(d -> !d.findElements(By.id("projects")).isEmpty());
                assertThat(driver.getCurrentUrl()).endsWith("#/");
                assertThat(driver.findElements(By.cssSelector("#projects tbody tr")))
                        .isEmpty();
                assertThat(server.store().projects().list()).isEmpty();
                assertThat(((JavascriptExecutor) driver).executeScript("return window.__errors.length"))
                        .isEqualTo(0L);
            } finally {
                driver.quit();
            }
        }
    }

    /** Every plotted cell equals SynergyFinder's value for block 1 (within 1e-9). */
    private static void assertGrid(JavascriptExecutor js, String id, Map<String, Double> ref) {
        int checked = 0;
        for (Map.Entry<String, Double> e : ref.entrySet()) {
            String[] c = e.getKey().split("\\|");
            assertThat(cell(js, id, c[0], c[1])).as(id + " at " + e.getKey()).isCloseTo(e.getValue(), within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(25);
    }

    private static double cell(JavascriptExecutor js, String id, String conc1, String conc2) {
        Object v = js.executeScript(
                "var t = document.getElementById(arguments[0]).data[0];"
                        + " var i = t.y.indexOf(arguments[1]), j = t.x.indexOf(arguments[2]);"
                        + " return (i < 0 || j < 0) ? null : t.z[i][j];",
                id,
                conc1,
                conc2);
        assertThat(v).as(id + " cell " + conc1 + " x " + conc2).isNotNull();
        return ((Number) v).doubleValue();
    }

    /** "conc1|conc2" → score of block 1's combination cells in SynergyFinder's scores.csv. */
    private static Map<String, Double> reference(String column) throws IOException {
        List<String> lines;
        try (var in = ServerBrowserTest.class.getResourceAsStream("/mathews/scores.csv")) {
            lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf(column);
        Map<String, Double> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals("1") && Double.parseDouble(f[1]) > 0 && Double.parseDouble(f[2]) > 0) {
                out.put(number(f[1]) + "|" + number(f[2]), Double.parseDouble(f[col]));
            }
        }
        return out;
    }

    /** The concentration as the page's category axis spells it (JavaScript's String(Number)). */
    private static String number(String text) {
        double d = Double.parseDouble(text);
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
