package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
        scheme(false);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(server.url(path));
    }

    /** Tells the page the reader prefers a dark (or light) scheme, as the system setting would. */
    private void scheme(boolean dark) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        List.of(
                                Map.of(
                                        "name",
                                        "prefers-color-scheme",
                                        "value",
                                        dark ? "dark" : "light"))));
    }

    /** Opens a page at this width and scheme, and checks the browser took both. */
    private void openAs(String path, int width, boolean dark) {
        scheme(dark);
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.get(server.url(path));
        assertEquals(
                (long) width,
                driver.executeScript("return window.innerWidth"),
                "viewport width of " + path);
        assertEquals(
                dark,
                driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"),
                "scheme of " + path);
    }

    /** One page of each type, for the width and scheme tests. */
    static final List<String> PAGE_TYPES =
            List.of(
                    "/keizu/",
                    "/keizu/countries/",
                    "/keizu/countries/jp/",
                    "/keizu/verdicts/undisclosed-derivation/",
                    "/keizu/organisations/meta/",
                    "/keizu/programmes/geniac/",
                    "/keizu/models/kimi-k2/",
                    "/keizu/models/rakuten-ai-3.0/",
                    "/keizu/bases/",
                    "/keizu/bases/deepseek-v3/",
                    "/keizu/about/",
                    "/keizu/methodology/",
                    "/keizu/contribute/",
                    "/keizu/cite/",
                    "/keizu/search/?q=deepseek");

    static Stream<Arguments> everyPageTypeAtTwoWidthsLightAndDark() {
        List<Arguments> cases = new ArrayList<>();
        for (int width : new int[] {375, 1280}) {
            for (boolean dark : new boolean[] {false, true}) {
                for (String path : PAGE_TYPES) {
                    cases.add(Arguments.of(path, width, dark));
                }
            }
        }
        return cases.stream();
    }

    /**
     * No page is wider than the screen: code, config tables and the tree scroll inside their own
     * box, and the model tables turn into cards. axe-core stays clean in both schemes.
     */
    @ParameterizedTest(name = "{0} at {1} px, dark {2}")
    @MethodSource("everyPageTypeAtTwoWidthsLightAndDark")
    void noPageIsWiderThanTheScreenAndAxeIsClean(String path, int width, boolean dark)
            throws IOException {
        Browser.consoleProblems(driver);
        openAs(path, width, dark);
        if (path.endsWith("/search/?q=deepseek")) {
            assertFalse(Browser.searchResults(driver, java.time.Duration.ofSeconds(15)).isEmpty());
        }
        if (path.contains("/models/kimi-k2/")) {
            assertFalse(
                    driver.findElements(By.cssSelector("table.fields")).isEmpty(),
                    "the evidence page measured has a config comparison");
        }
        Long pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        Object wide =
                driver.executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                                + " return e.getBoundingClientRect().right > window.innerWidth + 1; })"
                                + ".slice(0, 5).map(function (e) { return e.tagName + '.' + e.className + ' right ' + Math.round(e.getBoundingClientRect().right); });");
        assertTrue(
                pageWidth <= width,
                path + " is " + pageWidth + " px wide at " + width + " px; past the edge: " + wide);
        assertEquals(List.of(), Browser.consoleProblems(driver), "console of " + path);
        assertEquals(List.of(), Browser.axeViolations(driver), "axe on " + path);
    }

    /**
     * At 375 px every model table is a list of cards: each row's verdict and grade are on screen,
     * with no sideways scrolling, and come before the country, maker, claim and base.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/keizu/",
        "/keizu/countries/jp/",
        "/keizu/verdicts/undisclosed-derivation/",
        "/keizu/organisations/meta/",
        "/keizu/programmes/geniac/"
    })
    void theModelTableShowsVerdictAndGradeOnAPhone(String path) {
        openAs(path, 375, false);
        @SuppressWarnings("unchecked")
        List<String> problems =
                (List<String>)
                        driver.executeScript(
                                "var out = [];"
                                        + "var wrap = document.querySelector('table.models').parentElement;"
                                        + "if (wrap.scrollWidth > wrap.clientWidth) { out.push('the table scrolls: ' + wrap.scrollWidth + ' > ' + wrap.clientWidth); }"
                                        + "var rows = document.querySelectorAll('table.models tbody tr');"
                                        + "if (rows.length === 0) { out.push('no rows'); }"
                                        + "rows.forEach(function (tr) {"
                                        + "  var name = tr.querySelector('.m-name').textContent.trim();"
                                        + "  var v = tr.querySelector('.m-verdict .verdict').getBoundingClientRect();"
                                        + "  var g = tr.querySelector('.m-grade').getBoundingClientRect();"
                                        + "  var c = tr.querySelector('.m-country').getBoundingClientRect();"
                                        + "  [['verdict', v], ['grade', g]].forEach(function (p) {"
                                        + "    if (p[1].width === 0 || p[1].left < 0 || p[1].right > window.innerWidth) { out.push(name + ': ' + p[0] + ' at ' + Math.round(p[1].left) + '..' + Math.round(p[1].right)); }"
                                        + "  });"
                                        + "  if (!(v.bottom <= c.top + 1 && g.bottom <= c.top + 1)) { out.push(name + ': verdict and grade not above the country'); }"
                                        + "});"
                                        + "return out;");
        assertEquals(List.of(), problems, path);
    }

    /**
     * A config field's name breaks only after "_", "-" or "/" (first_k_dense_ / replace), never
     * inside a word: every line break inside a code element of the comparison follows one of them.
     */
    @Test
    void longIdentifiersBreakOnlyAtTheirSeparators() {
        openAs("/keizu/models/kimi-k2/", 375, false);
        @SuppressWarnings("unchecked")
        List<Object> found =
                (List<Object>)
                        driver.executeScript(
                                "var bad = []; var wrapped = 0;"
                                        + "document.querySelectorAll('table.fields code, .equal-fields code, .snapshot code:not(.hash)').forEach(function (code) {"
                                        + "  var text = code.textContent; var range = document.createRange(); var top = null; var chars = [];"
                                        + "  var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT); var node;"
                                        + "  while ((node = walker.nextNode())) { for (var i = 0; i < node.length; i++) { chars.push([node, i]); } }"
                                        + "  var prev = null; var lines = 1;"
                                        + "  chars.forEach(function (c) {"
                                        + "    range.setStart(c[0], c[1]); range.setEnd(c[0], c[1] + 1);"
                                        + "    var r = range.getClientRects()[0]; if (!r) { return; }"
                                        + "    if (top !== null && r.top > top + 2) { lines++; var before = prev[0].data[prev[1]];"
                                        + "      if ('_-/ '.indexOf(before) < 0) { bad.push(text + ' breaks after ' + before); } }"
                                        + "    top = r.top; prev = c;"
                                        + "  });"
                                        + "  if (lines > 1) { wrapped++; }"
                                        + "});"
                                        + "return [wrapped, bad];");
        assertEquals(List.of(), found.get(1));
        assertTrue(
                ((Long) found.get(0)) > 0,
                "at 375 px some identifier wraps, so the rule was tested");
    }

    /**
     * The verdict colours stay apart for readers with protanopia, deuteranopia and tritanopia, in
     * light and dark, and black text keeps a contrast of 4.5:1 on each.
     */
    @Test
    void verdictColoursStayApartForColourBlindReaders() {
        String[] verdicts = {
            "consistent", "undisclosed-derivation", "disclosed-after-the-fact", "not-examined"
        };
        for (boolean dark : new boolean[] {false, true}) {
            openAs("/keizu/", 1280, dark);
            List<int[]> fills = new ArrayList<>();
            for (String v : verdicts) {
                String script =
                        "var s = document.createElement('span'); s.className = 'verdict verdict-"
                                + v
                                + "'; s.textContent = 'x'; document.querySelector('main').appendChild(s);"
                                + "var c = getComputedStyle(s); var out = [c.backgroundColor, c.color]; s.remove(); return out;";
                @SuppressWarnings("unchecked")
                List<String> colours = (List<String>) driver.executeScript(script);
                int[] fill = ColourVision.parse(colours.get(0));
                int[] text = ColourVision.parse(colours.get(1));
                double contrast = ColourVision.contrast(fill, text);
                assertTrue(
                        contrast >= 4.5,
                        v + " (dark " + dark + "): text contrast " + contrast + " on " + colours);
                fills.add(fill);
            }
            for (ColourVision.Kind kind : ColourVision.Kind.values()) {
                for (int i = 0; i < verdicts.length; i++) {
                    for (int j = i + 1; j < verdicts.length; j++) {
                        double d = ColourVision.difference(kind, fills.get(i), fills.get(j));
                        assertTrue(
                                d >= 15,
                                verdicts[i]
                                        + " and "
                                        + verdicts[j]
                                        + " differ by only ΔE "
                                        + Math.round(d)
                                        + " under "
                                        + kind
                                        + (dark ? " (dark)" : " (light)"));
                    }
                }
            }
        }
    }

    /**
     * Warnings and citation boxes look different: their backgrounds differ clearly, in light and
     * dark.
     */
    @Test
    void warningsAndCitationsLookDifferent() {
        for (boolean dark : new boolean[] {false, true}) {
            openAs("/keizu/models/rakuten-ai-3.0/", 1280, dark);
            String warning =
                    (String)
                            driver.executeScript(
                                    "return getComputedStyle(document.querySelector('.uncertain')).backgroundColor");
            String citation =
                    (String)
                            driver.executeScript(
                                    "return getComputedStyle(document.querySelector('pre.citation')).backgroundColor");
            double d =
                    ColourVision.difference(
                            ColourVision.Kind.TYPICAL,
                            ColourVision.parse(warning),
                            ColourVision.parse(citation));
            assertTrue(d >= 15, warning + " against " + citation + ": ΔE " + Math.round(d));
        }
    }

    /**
     * Home lists the examined models in its table, and the models held only as bases apart, each
     * linked, with a link to their families.
     */
    @Test
    void homeShowsTheNationalModelsFirstAndTheBasesApart() {
        open("/keizu/");
        List<WebElement> rows = driver.findElements(By.cssSelector("#models-table tbody tr"));
        assertTrue(rows.size() > 20, "rows: " + rows.size());
        assertTrue(
                rows.stream().noneMatch(r -> "not-examined".equals(r.getAttribute("data-verdict"))),
                "no unexamined base in the national table");
        List<String> bases =
                driver.findElements(By.cssSelector(".base-list li > a")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertTrue(bases.containsAll(List.of("Llama 2", "DeepSeek-V3")), bases.toString());
        assertTrue(
                driver.findElement(By.cssSelector("section.bases a[href$='/keizu/bases/']"))
                        .isDisplayed());
    }

    /** A header sorts the table; pressed again, the other way; empty cells stay last. */
    @Test
    void sortsTheTableByAnyColumn() {
        open("/keizu/");
        WebElement grade = driver.findElement(By.cssSelector("#models-table thead th.m-grade"));
        grade.findElement(By.tagName("button")).click();
        assertEquals(
                "descending", grade.getAttribute("aria-sort"), "a grade sorts strongest first");
        List<String> grades = columnSorts("m-grade");
        List<String> withGrade = grades.stream().filter(g -> !g.isEmpty()).toList();
        assertEquals(
                withGrade.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                withGrade,
                "strongest grade first");
        assertEquals(
                withGrade,
                grades.subList(0, withGrade.size()),
                "rows without a grade last: " + grades);
        WebElement model = driver.findElement(By.cssSelector("#models-table thead th.m-name"));
        model.findElement(By.tagName("button")).click();
        assertEquals("ascending", model.getAttribute("aria-sort"));
        assertEquals(null, grade.getAttribute("aria-sort"));
        List<String> names = columnSorts("m-name");
        assertTrue(
                java.util.stream.IntStream.range(1, names.size())
                        .allMatch(
                                i ->
                                        Character.toLowerCase(names.get(i - 1).charAt(0))
                                                <= Character.toLowerCase(names.get(i).charAt(0))),
                "by name, A to Z: " + names);
        model.findElement(By.tagName("button")).click();
        assertEquals("descending", model.getAttribute("aria-sort"));
        List<String> reversed = columnSorts("m-name");
        assertEquals(names.get(0), reversed.get(reversed.size() - 1));
    }

    /** The sort key of one column, row by row as shown. */
    private List<String> columnSorts(String column) {
        @SuppressWarnings("unchecked")
        List<String> keys =
                (List<String>)
                        driver.executeScript(
                                "return Array.from(document.querySelectorAll('#models-table tbody tr ."
                                        + column
                                        + "')).map(function (c) { return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.querySelector('a').textContent; });");
        return keys;
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
                    {"home", "/keizu/", "1280", "1400"},
                    {"rakuten-ai-3.0", "/keizu/models/rakuten-ai-3.0/", "1280", "1400"},
                    {"llama-2-family", "/keizu/bases/llama-2/", "1280", "900"},
                    {"home-phone", "/keizu/#models", "375", "812"}
                }) {
            open(shot[1]);
            driver.manage()
                    .window()
                    .setSize(new Dimension(Integer.parseInt(shot[2]), Integer.parseInt(shot[3])));
            if (shot[1].contains("#")) { // after the resize, bring the named section to the top
                driver.executeScript(
                        "document.getElementById(arguments[0]).scrollIntoView()",
                        shot[1].substring(shot[1].indexOf('#') + 1));
            }
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
