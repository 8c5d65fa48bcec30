package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Search in real headless Chromium over a loopback server, on the real site built under /keizu/
 * with its search index: English, Japanese and Korean queries, a facet, an empty result, a query in
 * the URL, the box on every page; no console error; axe-core finds no violation. Failsafe runs it
 * in mvn verify, on the site of {@link BuiltSites} that BrowserIT serves too.
 */
class SearchIT {
    private static Path site;
    private static SiteServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        site = BuiltSites.real("/keizu/");
        assertTrue(
                Files.isDirectory(site.resolve("search-index")),
                "the build wrote the search index");
        server = new SiteServer(Map.of("/keizu/", site));
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

    /** Opens the search page with a query string and waits until the status line has settled. */
    private List<String> search(String query) {
        driver.get(server.url("/keizu/search/" + query));
        return waitForResults();
    }

    private List<String> waitForResults() {
        return Browser.searchResults(driver, Duration.ofSeconds(15));
    }

    private static String q(String text) {
        return "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void findsByEnglishName() {
        List<String> found = search(q("Rakuten"));
        assertTrue(found.containsAll(List.of("Rakuten AI 3.0", "Rakuten AI 7B")), found.toString());
        String meta =
                driver.findElement(By.cssSelector("#search-list > li .result-meta")).getText();
        assertTrue(
                meta.matches(" ?— .+( · E[0-4])?"), "results show the verdict and grade: " + meta);
    }

    @Test
    void findsByJapaneseName() {
        List<String> found = search(q("楽天"));
        assertTrue(found.contains("Rakuten AI 3.0"), found.toString());
    }

    @Test
    void findsByKoreanName() {
        List<String> found = search(q("네이버"));
        assertTrue(found.contains("HyperCLOVA X SEED 32B Think"), found.toString());
    }

    @Test
    void eachLanguagesSearchFindsThatLanguagesPagesFromItsOwnIndex() {
        for (String lang : List.of("ja", "ko")) {
            server.takeSearchPaths();
            driver.get(server.url("/keizu/" + lang + "/search/" + q("楽天")));
            List<String> found = waitForResults();
            assertTrue(found.contains("Rakuten AI 3.0"), lang + ": " + found);
            String href =
                    driver.findElement(By.cssSelector("#search-list > li a")).getAttribute("href");
            assertTrue(
                    href.contains("/keizu/" + lang + "/models/"),
                    "a result leads to the page in the reader's language: " + href);
            List<String> loaded = server.takeSearchPaths();
            assertTrue(
                    !loaded.isEmpty()
                            && loaded.stream()
                                    .allMatch(p -> p.contains("/search-index/" + lang + "/")),
                    "the page loads its language's index alone: " + loaded);
        }
    }

    /** The script cuts a query as the build cut the pages: width, case and the word's start. */
    @Test
    void findsAFullWidthOrPartlyTypedName() {
        for (String typed : List.of("ＲＡＫＵＴＥＮ", "rakut", "RakutenAI")) {
            List<String> found = search(q(typed));
            assertTrue(found.contains("Rakuten AI 3.0"), typed + ": " + found);
        }
    }

    /** Fifty results at a time, and a button for the next fifty: every result is reachable. */
    @Test
    void everyResultIsReachableFiftyAtATime() {
        List<String> first = search(q("the"));
        String status = driver.findElement(By.id("search-status")).getText();
        int total = Integer.parseInt(status.replaceAll("\\D", ""));
        assertTrue(total > 50, "a query that finds more than fifty pages: " + status);
        assertEquals(50, first.size());
        WebElement more = driver.findElement(By.id("search-more"));
        assertTrue(more.isDisplayed());
        more.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("#search-list > li")).size() > 50);
        List<WebElement> items = driver.findElements(By.cssSelector("#search-list > li > a"));
        assertEquals(Math.min(total, 100), items.size());
        assertEquals(
                items.size(),
                items.stream().map(e -> e.getAttribute("href")).distinct().count(),
                "no result twice");
        assertEquals(
                items.get(50), driver.switchTo().activeElement(), "focus on the first new result");
        assertEquals(total > 100, more.isDisplayed());
    }

    @Test
    void aQueryOfSymbolsFindsNothingAndBreaksNothing() {
        Browser.consoleProblems(driver);
        assertEquals(List.of(), search(q("(.* [ ) —")));
        assertEquals("No results.", driver.findElement(By.id("search-status")).getText());
        assertEquals(List.of(), Browser.consoleProblems(driver));
    }

    /** A query reads the index's description, one file of words per word and its results' pages. */
    @Test
    void aOneWordQueryDownloadsOneFileOfWords() {
        server.takeSearchPaths();
        List<String> found = search(q("DeepSeek"));
        assertFalse(found.isEmpty());
        List<String> loaded = server.takeSearchPaths();
        assertEquals(1, loaded.stream().filter(p -> p.contains("/w/")).count(), loaded.toString());
        assertTrue(loaded.stream().anyMatch(p -> p.endsWith("/meta.json")), loaded.toString());
        assertTrue(
                loaded.stream().filter(p -> p.contains("/p/")).count()
                        <= Math.min(found.size(), 50),
                "only the files of the results shown: " + loaded);
        assertTrue(
                loaded.stream().noneMatch(p -> p.contains("/f/")), "no filter chosen: " + loaded);
    }

    @Test
    void filtersByFacetAlone() {
        List<String> found =
                search("?country=" + URLEncoder.encode("South Korea", StandardCharsets.UTF_8));
        assertTrue(
                found.containsAll(
                        List.of("A.X K1", "Solar Open 100B", "HyperCLOVA X SEED 32B Think")),
                found.toString());
        assertFalse(found.stream().anyMatch(t -> t.startsWith("Rakuten")), found.toString());
    }

    @Test
    void combinesAQueryWithFacets() {
        search(q("model"));
        new Select(driver.findElement(By.name("verdict")))
                .selectByValue("Disclosed after the fact");
        List<String> found = waitForResults();
        assertEquals(List.of("Rakuten AI 3.0"), found);
        assertEquals(
                "1 result",
                driver.findElement(By.id("search-status")).getText(),
                "one result is singular");
        assertTrue(
                driver.getCurrentUrl().contains("verdict=Disclosed"),
                "the filter is kept in the URL: " + driver.getCurrentUrl());
    }

    @Test
    void saysSoWhenNothingMatches() {
        List<String> found = search(q("zzqxjwv"));
        assertEquals(List.of(), found);
        assertEquals("No results.", driver.findElement(By.id("search-status")).getText());
    }

    @Test
    void theSearchBoxOnAnyPageLeadsToResultsAndKeepsTheQuery() {
        driver.get(server.url("/keizu/models/kimi-k2/"));
        WebElement box = driver.findElement(By.id("site-search-q"));
        box.sendKeys("Kimi", Keys.ENTER);
        List<String> found = waitForResults();
        assertEquals("Kimi K2", found.get(0), found.toString());
        List<String> prose =
                List.of("About Keizu", "Methodology", "How to contribute", "How to cite Keizu");
        assertEquals(
                java.util.Set.of("Kimi K2", "DeepSeek-V3"),
                found.stream()
                        .filter(t -> !prose.contains(t))
                        .collect(java.util.stream.Collectors.toSet()),
                "only the models that mention Kimi: boilerplate such as the grade legend is not indexed");
        assertTrue(
                driver.getCurrentUrl().endsWith("/keizu/search/?q=Kimi"), driver.getCurrentUrl());
        assertEquals("Kimi", driver.findElement(By.id("search-q")).getAttribute("value"));
    }

    @Test
    void countsSeveralResultsInThePlural() {
        List<String> found = search(q("Rakuten"));
        assertEquals(
                found.size() + " results", driver.findElement(By.id("search-status")).getText());
    }

    /**
     * Each excerpt is whole sentences of the page, with no citation marker ("[3]"), and the words
     * searched for are marked.
     */
    @Test
    void excerptsAreWholeSentencesWithTheWordsMarked() {
        List<String> found = search(q("undisclosed"));
        assertFalse(found.isEmpty());
        List<WebElement> excerpts = driver.findElements(By.cssSelector("#search-list .excerpt"));
        assertEquals(found.size(), excerpts.size());
        for (WebElement excerpt : excerpts) {
            String text = excerpt.getText();
            assertFalse(text.matches("(?s).*\\[\\d+\\].*"), "a citation marker in: " + text);
            assertTrue(
                    text.matches("(?s)[\\p{Lu}\\p{Lo}\\p{N}“\"(…].*[.!?。！？”\")…]"),
                    "not a whole sentence: " + text);
            List<String> marks =
                    excerpt.findElements(By.tagName("mark")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertFalse(marks.isEmpty(), "nothing marked in: " + text);
            assertTrue(
                    marks.stream().allMatch(m -> m.toLowerCase().startsWith("undisclosed")),
                    marks.toString());
        }
    }

    @Test
    void theSearchPageHasOneSearchBox() {
        search(q("Kimi"));
        assertEquals(1, driver.findElements(By.cssSelector("input[type=search]")).size());
        assertTrue(driver.findElements(By.id("site-search-q")).isEmpty(), "no masthead box");
    }

    @Test
    void findsTheProsePages() {
        List<String> found = search(q("methodology"));
        assertTrue(found.stream().anyMatch(t -> t.startsWith("Methodology")), found.toString());
    }

    @Test
    void hasNoConsoleErrorAndPassesAxe() throws IOException {
        Browser.consoleProblems(driver);
        search(q("DeepSeek"));
        assertEquals(List.of(), Browser.consoleProblems(driver));
        assertEquals(List.of(), Browser.axeViolations(driver));
    }

    @Test
    void withoutJavaScriptTheSearchPageSaysHowToBrowse() throws IOException {
        String html = Files.readString(site.resolve("search/index.html"));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertFalse(
                page.selectFirst(".search-no-js").hasAttr("hidden"), "visible without JavaScript");
        assertEquals(3, page.select(".search-no-js a").size());
        assertTrue(
                page.selectFirst("#search-form").hasAttr("hidden"),
                "the JS-only form stays hidden without JavaScript");
    }
}
