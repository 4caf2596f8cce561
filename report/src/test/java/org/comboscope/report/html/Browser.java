package org.comboscope.report.html;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium through its own chromedriver (Selenium Manager never runs). When the
 * binaries are missing the test is skipped locally, but fails under CI ({@code CI=true}): CI
 * must install them ({@code .ci/run} does). Also used by the server module's browser tests (test-jar).
 */
public final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    public static ChromeDriver start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String msg = "headless chromium needed: " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " is missing under CI=true");
            }
            Assumptions.abort(msg + " is missing; skipped outside CI");
        }
        ChromeOptions opts = new ChromeOptions();
        opts.setBinary(CHROMIUM);
        opts.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
        ChromeDriverService svc = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(svc, opts);
    }

    static String url(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }
}
