package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keizu.TestRegistries;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The real site in real headless Chromium, over a loopback server, at the domain root and under
 * /keizu/: pages load without console errors, axe-core finds no violation, the home page filters in
 * place, and pages read at 375 px wide. Screenshots go to generator/target/screenshots, and to
 * docs/screenshots when run with -Dkeizu.screenshots=docs (they are the README's pictures).
 * Failsafe runs it in mvn verify, on the sites of {@link BuiltSites}.
 */
class BrowserIT {
    private static SiteServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        server =
                new SiteServer(
                        Map.of("/", BuiltSites.real("/"), "/keizu/", BuiltSites.real("/keizu/")));
        driver = Browser.start(BuiltSites.scratch("profile"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(String path) {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(server.url(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/keizu/",
        "/keizu/models/rakuten-ai-3.0/",
        "/",
        "/models/rakuten-ai-3.0/",
        "/keizu/bases/deepseek-v3/",
        "/keizu/methodology/",
        "/keizu/countries/kr/"
    })
    void loadsCleanlyAndPassesAxe(String path) throws IOException {
        Browser.consoleProblems(driver); // drain what earlier pages logged
        open(path);
        assertFalse(driver.findElement(By.tagName("h1")).getText().isBlank());
        assertEquals(List.of(), Browser.consoleProblems(driver), "console of " + path);
        assertEquals(List.of(), Browser.axeViolations(driver), "axe on " + path);
    }

    @Test
    void searchWorksAtTheDomainRootToo() {
        driver.get(
                server.url(
                        "/search/?q="
                                + java.net.URLEncoder.encode(
                                        "楽天", java.nio.charset.StandardCharsets.UTF_8)));
        Browser.searchResults(driver, java.time.Duration.ofSeconds(15));
        List<WebElement> links = driver.findElements(By.cssSelector("#search-list > li > a"));
        assertTrue(
                links.stream().anyMatch(a -> a.getText().equals("Rakuten AI 3.0")), "results at /");
        assertTrue(
                links.get(0).getAttribute("href").startsWith(server.url("/models/")),
                links.get(0).getAttribute("href"));
    }

    @Test
    void theStylesheetAndScriptLoadUnderTheSubPath() {
        open("/keizu/");
        Object background =
                driver.executeScript(
                        "return getComputedStyle(document.querySelector('.verdict')).borderTopStyle");
        assertEquals("solid", background, "the stylesheet applied");
        assertTrue(
                driver.findElement(By.cssSelector("form.filter-form")).isDisplayed(),
                "the script revealed the filters");
    }

    @Test
    void filtersTheTableInPlace() {
        open("/keizu/");
        List<WebElement> rows = driver.findElements(By.cssSelector("#models-table tbody tr"));
        long expected =
                rows.stream().filter(r -> "JP".equals(r.getAttribute("data-country"))).count();
        new Select(driver.findElement(By.name("country"))).selectByValue("JP");
        long visible =
                driver.findElements(By.cssSelector("#models-table tbody tr")).stream()
                        .filter(WebElement::isDisplayed)
                        .count();
        assertEquals(expected, visible);
        assertTrue(expected >= 4 && expected < rows.size());
        assertEquals(
                expected + " / " + rows.size(),
                driver.findElement(By.cssSelector("form.filter-form output")).getText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/keizu/", "/keizu/models/rakuten-ai-3.0/", "/keizu/models/kimi-k2/"})
    void readsAtPhoneWidth(String path) {
        open(path);
        driver.manage().window().setSize(new Dimension(375, 812));
        Long pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        Long viewport = (Long) driver.executeScript("return window.innerWidth");
        Object wide =
                driver.executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                                + " return e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'; })"
                                + ".slice(0, 5).map(function (e) { return e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth; });");
        assertTrue(
                pageWidth <= viewport,
                path
                        + " scrolls sideways at 375 px: "
                        + pageWidth
                        + " > "
                        + viewport
                        + "; widest: "
                        + wide);
        WebElement h1 = driver.findElement(By.tagName("h1"));
        assertTrue(h1.getRect().getWidth() <= viewport && h1.getRect().getX() >= 0);
        Double fontSize =
                Double.valueOf(
                        driver.executeScript(
                                        "return parseFloat(getComputedStyle(document.body).fontSize)")
                                .toString());
        assertTrue(fontSize >= 14, "body text at least 14 px");
    }

    @Test
    void takesTheReadmeScreenshots() throws IOException {
        Path into = Path.of("generator/target/screenshots");
        Files.createDirectories(into);
        for (String[] shot :
                new String[][] {
                    {"home", "/keizu/"}, {"rakuten-ai-3.0", "/keizu/models/rakuten-ai-3.0/"}
                }) {
            open(shot[1]);
            driver.manage().window().setSize(new Dimension(1280, 1400));
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            assertTrue(png.length > 10_000, "a real picture");
            Files.write(into.resolve(shot[0] + ".png"), png);
            if ("docs".equals(System.getProperty("keizu.screenshots"))) {
                Files.write(
                        TestRegistries.REPO.resolve("docs/screenshots").resolve(shot[0] + ".png"),
                        png);
            }
        }
    }
}
