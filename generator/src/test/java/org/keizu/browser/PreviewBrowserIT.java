package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.serve.Preview;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code keizu serve} in real headless Chromium: pages that are open when a record is saved reload
 * by themselves (the injected reload script, under the pages' Content-Security-Policy, long-polling
 * the build number), a mistake turns them into the error page and a fix brings the record back,
 * with nothing in the console; the search page searches the preview's own index. The HTTP side of
 * the same behaviour is ServeCommandTest's; this is what only a browser can show.
 */
class PreviewBrowserIT {
    /** Generous: a rebuild takes a second or two on two busy cores; the waits end when it shows. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final String MODEL_PAGE = "/models/national-model/";
    private static final String ERROR_HEADING = "The site cannot be built";

    @TempDir static Path root;

    private static final StringWriter terminal = new StringWriter();
    private static Path data;
    private static Preview preview;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        // A copy of the valid fixture registry and the real templates, so that the test can edit
        // them (the same set-up as the serve package's LivePreview, which is not visible here).
        data = TestRegistries.validFixture(root);
        Path templates = root.resolve("templates");
        TestRegistries.copyTree(TestRegistries.TEMPLATES, templates);
        PrintWriter writer = new PrintWriter(terminal, true);
        preview =
                Preview.start(
                        new Preview.Settings(
                                new RegistryBuild.Options(data, templates, root, Optional.empty()),
                                root.resolve("preview"),
                                true,
                                0),
                        writer,
                        writer);
        driver = Browser.start(BuiltSites.scratch("preview-profile"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void openPagesFollowEditsShowTheErrorPageAndComeBackWithACleanConsole() throws Exception {
        Path record = data.resolve("models/national-model.yaml");
        String original = Files.readString(record);
        // Two open pages, in two tabs: each holds a long poll, and both must reload.
        driver.get(url("/"));
        String home = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(url(MODEL_PAGE));
        String model = driver.getWindowHandle();
        assertEquals("National Model 国民モデル", heading(driver));
        List<LogEntry> console = new ArrayList<>(entries());

        // 1. A rename: the open model page shows it in its h1, the home page in its table.
        mark(home, model);
        Files.writeString(record, original.replace("name: National Model", "name: Renamed Model"));
        await(model, "the model page shows the new name", d -> heading(d).startsWith("Renamed "));
        await(home, "the home page lists the new name", d -> body(d).contains("Renamed Model"));
        assertReloadedByItself(home, "/");
        assertReloadedByItself(model, MODEL_PAGE);

        // 2. An unknown base: every open page becomes the error page, listing the finding.
        mark(home, model);
        Files.writeString(
                record,
                original.replace(
                        "base: base-model\n    relation", "base: deepseek-v9\n    relation"));
        for (String window : List.of(model, home)) {
            // The finding is part of the wait: a save that a rebuild catches half-written shows a
            // parse error for a moment, and the next rebuild replaces it.
            await(
                    window,
                    "the error page listing REF-002",
                    d ->
                            ERROR_HEADING.equals(heading(d))
                                    && body(d).contains("REF-002 unknown-base"));
            assertTrue(body(driver).contains("\"deepseek-v9\""), body(driver));
        }
        assertReloadedByItself(home, "/");
        assertReloadedByItself(model, MODEL_PAGE);
        console.addAll(entries());

        // 3. The fix: the error page, reloading by itself too, shows the record again.
        mark(home, model);
        Files.writeString(record, original);
        await(model, "the record again", d -> heading(d).equals("National Model 国民モデル"));
        await(
                home,
                "the home page again",
                d -> !ERROR_HEADING.equals(heading(d)) && body(d).contains("National Model"));
        assertFalse(body(driver).contains("Renamed Model"), body(driver));
        assertReloadedByItself(home, "/");
        assertReloadedByItself(model, MODEL_PAGE);
        console.addAll(entries());

        // 4. Nothing went wrong in the browser: no error, and no Content-Security-Policy refusal
        // at any level (Chromium logs one as "... violates the following Content Security Policy
        // directive ... blocked" and "Refused to ..."): the reload script and its poll are allowed
        // by the pages' policy and by the error page's. The error page's own status (500, which
        // Chromium logs for the document) is what the preview means to send, so it is no error.
        List<String> problems =
                console.stream()
                        .filter(
                                e ->
                                        e.getLevel().intValue() >= Level.SEVERE.intValue()
                                                || e.getMessage().contains("Content Security")
                                                || e.getMessage().contains("Refused"))
                        .filter(e -> !isTheErrorPagesOwnStatus(e))
                        .map(LogEntry::toString)
                        .toList();
        assertEquals(List.of(), problems, "the browser console");
        driver.switchTo().window(model).close();
        driver.switchTo().window(home);
    }

    @Test
    void theSearchPageSearchesThePreview() {
        entries(); // what earlier pages logged
        driver.get(url("/search/?q=%E5%9B%BD%E6%B0%91")); // 国民, of the model's native name
        List<String> found = Browser.searchResults(driver, DEADLINE);
        assertFalse(
                found.isEmpty(),
                "the preview's search finds the model; preview printed:\n" + terminal);
        assertTrue(
                driver.findElement(By.cssSelector("#search-list > li a"))
                        .getAttribute("href")
                        .endsWith(MODEL_PAGE),
                found.toString());
        assertFalse(
                driver.findElement(By.cssSelector(".search-no-js")).isDisplayed(),
                "the no-JavaScript text is hidden");
        assertEquals(List.of(), Browser.consoleProblems(driver), "the search page's console");
    }

    /**
     * Sets a mark on each page's window object: a reload clears it, while the script's own work
     * without a reload (or a page the test itself opened again) would not.
     */
    private static void mark(String... windows) {
        for (String window : windows) {
            driver.switchTo().window(window);
            driver.executeScript("window.keizuNotReloaded = true;");
        }
    }

    /** The page is still where the test left it, and the browser reloaded it: not a navigation. */
    private static void assertReloadedByItself(String window, String path) {
        driver.switchTo().window(window);
        assertEquals(url(path), driver.getCurrentUrl());
        assertEquals(
                Boolean.TRUE,
                driver.executeScript(
                        "return window.keizuNotReloaded === undefined"
                                + " && performance.getEntriesByType('navigation')[0].type"
                                + " === 'reload';"),
                "reloaded by the script: " + path);
    }

    /** Waits, in a window, with the deadline; the failure shows the page and the terminal. */
    private static void await(String window, String what, Function<WebDriver, Boolean> shown) {
        driver.switchTo().window(window);
        new WebDriverWait(driver, DEADLINE)
                .ignoring(StaleElementReferenceException.class) // the page reloading under us
                .withMessage(
                        () ->
                                what
                                        + "; the page shows:\n"
                                        + body(driver)
                                        + "\nthe preview printed:\n"
                                        + terminal)
                .until(shown);
    }

    private static String heading(WebDriver d) {
        return d.findElement(By.tagName("h1")).getText();
    }

    private static String body(WebDriver d) {
        return d.findElement(By.tagName("body")).getText();
    }

    /** The console since the last call (chromedriver keeps it across reloads and tabs). */
    private static List<LogEntry> entries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    private static boolean isTheErrorPagesOwnStatus(LogEntry entry) {
        return entry.getMessage().startsWith(url("/"))
                && entry.getMessage()
                        .endsWith(
                                "the server responded with a status of 500 (Internal Server Error)");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + preview.port() + path;
    }
}
