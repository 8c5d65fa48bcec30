package org.keizu.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: fixed paths, so that Selenium never
 * tries to download a browser, and the flags that keep Chromium off this machine's closed network.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver start(Path profile) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "browser tests need Debian's chromium and chromium-driver: "
                            + "apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(profile));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static final Path AXE =
            org.keizu.TestRegistries.REPO.resolve("node_modules/axe-core/axe.min.js");

    /** axe-core's violations on the current page, as "rule: help (n nodes: first targets)". */
    static List<String> axeViolations(org.openqa.selenium.JavascriptExecutor driver)
            throws IOException {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException("run npm ci first: " + AXE + " is missing");
        }
        driver.executeScript(Files.readString(AXE));
        Object result =
                driver.executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "axe.run(document).then(function (r) { done(r.violations.map(function (v) {"
                                + "  return v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' + v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3).join(', ') + ')'; })); })"
                                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /** Waits until the search page's status line has settled, then returns the result titles. */
    static List<String> searchResults(WebDriver driver, Duration timeout) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout)
                .until(
                        d -> {
                            String status =
                                    d.findElement(org.openqa.selenium.By.id("search-status"))
                                            .getText();
                            // The page's own "searching" words, in its language.
                            String loading =
                                    d.findElement(org.openqa.selenium.By.id("search-form"))
                                            .getAttribute("data-loading");
                            return !status.isEmpty() && !status.equals(loading);
                        });
        return driver
                .findElements(org.openqa.selenium.By.cssSelector("#search-list > li > a"))
                .stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList();
    }

    /** Console messages at warning level or above since the last call. */
    static List<String> consoleProblems(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
    }
}
