package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.render.Language;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Japanese and Korean editions (issue 15) in real headless Chromium, on the real site built at
 * the domain root with its search index: the journey from the Japanese home page to Rakuten
 * AI 3.0 and over to Korean, search in every language, and axe-core and the console over a sample
 * of each edition's pages with the language switch on each. What a page must say comes from the
 * real bundles and the record ({@link RecordInLanguage}), never from copied wording. {@link
 * LanguageFilesIT} checks the same editions' files (Nu HTML Checker, hreflang).
 */
class LanguagesIT {
    static final String RAKUTEN = "models/rakuten-ai-3.0/";

    /** The pages sampled in each translation: home, an evidence page, a base, prose, glossary. */
    static final List<String> SAMPLE =
            List.of("", RAKUTEN, "bases/deepseek-v3/", "methodology/", "glossary/", "search/");

    private static SiteServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        server = new SiteServer(Map.of("/", BuiltSites.real("/")));
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

    private static String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private static String text(String css) {
        return RecordInLanguage.squeeze(driver.findElement(By.cssSelector(css)).getText());
    }

    /** Clicks a link and waits until the browser has left the page it was on. */
    private static void follow(WebElement link) {
        String from = driver.getCurrentUrl();
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(from));
    }

    /**
     * The "done when": from /ja/ to Rakuten AI 3.0 by clicking, its verdict and evidence in
     * Japanese, then 한국어 in the switch, and the same record in Korean.
     */
    @Test
    void aJapaneseReaderReadsRakutenInJapaneseThenSwitchesToKorean() throws IOException {
        Browser.consoleProblems(driver);
        driver.get(server.url("/ja/"));
        assertEquals("ja", driver.findElement(By.tagName("html")).getAttribute("lang"));
        RecordInLanguage ja = RecordInLanguage.of("rakuten-ai-3.0", Language.JA);
        WebElement link =
                driver.findElements(By.cssSelector("main a")).stream()
                        .filter(a -> a.getText().strip().equals(ja.name()) && a.isDisplayed())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no link to Rakuten AI 3.0 on /ja/"));
        follow(link);
        assertEquals("/ja/" + RAKUTEN, path());
        readsInItsLanguage(ja);

        RecordInLanguage ko = RecordInLanguage.of("rakuten-ai-3.0", Language.KO);
        WebElement korean = driver.findElement(By.cssSelector("nav.languages a[lang=ko]"));
        assertEquals(ko.msg().format("lang_name"), korean.getText().strip());
        follow(korean);
        assertEquals("/ko/" + RAKUTEN, path());
        readsInItsLanguage(ko);
        assertEquals(List.of(), Browser.consoleProblems(driver), "console of the journey");
    }

    /** The open evidence page says what the record and the bundle of its language say. */
    private static void readsInItsLanguage(RecordInLanguage expected) {
        String lang = expected.language().code();
        RecordInLanguage english = RecordInLanguage.of("rakuten-ai-3.0", Language.EN);
        assertNotEquals(
                english.summary(), expected.summary(), "the record has a " + lang + " text");
        assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(expected.name(), text("h1"));
        assertEquals(
                RecordInLanguage.squeeze(
                        expected.msg().format("verdict_label") + " " + expected.verdictLabel()),
                text("h2#verdict"),
                "the verdict heading in " + lang);
        assertEquals(expected.verdictLabel(), text("#verdict .verdict"));
        assertEquals(expected.headline(), text(".headline-text"));
        assertEquals(expected.verdictMeaning(), text(".headline .meaning"));
        String summary = text("p.summary");
        assertTrue(summary.startsWith(expected.summary()), lang + " summary: " + summary);
        assertTrue(
                driver.findElements(By.cssSelector(".untranslated")).stream()
                        .noneMatch(WebElement::isDisplayed),
                "nothing on Rakuten's page is marked as untranslated in " + lang);
        List<WebElement> items = driver.findElements(By.cssSelector(".evidence-list > li"));
        assertEquals(expected.evidence().size(), items.size(), "evidence items");
        for (int i = 0; i < items.size(); i++) {
            String item = RecordInLanguage.squeeze(items.get(i).getText());
            String kind = text(".evidence-list > li:nth-child(" + (i + 1) + ") > .kind");
            assertTrue(
                    kind.startsWith(expected.evidenceKinds().get(i)),
                    lang + " kind of item " + i + ": " + kind);
            assertTrue(
                    item.contains(expected.evidence().get(i)),
                    lang + " evidence item " + i + ": " + item);
        }
    }

    static Stream<Arguments> searches() {
        List<Arguments> cases = new ArrayList<>();
        for (Language lang : Language.values()) {
            cases.add(Arguments.of(lang, "楽天", "Rakuten AI 3.0"));
            cases.add(Arguments.of(lang, "네이버", "HyperCLOVA X SEED 32B Think"));
        }
        return cases.stream();
    }

    /**
     * 楽天 and 네이버 find their models on each language's search page, every result stays in that
     * language's tree, and the status line counts them in the language's words.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("searches")
    void searchFindsNamesInTheirOwnScriptsInEachLanguage(
            Language lang, String query, String expected) throws IOException {
        Browser.consoleProblems(driver);
        driver.get(
                server.url(
                        "/"
                                + lang.folder()
                                + "search/?q="
                                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        List<WebElement> results = results();
        List<String> titles = results.stream().map(WebElement::getText).toList();
        assertTrue(titles.contains(expected), lang + " " + query + ": " + titles);
        for (WebElement result : results) {
            String href = URI.create(result.getAttribute("href")).getPath();
            boolean inTree =
                    lang.english()
                            ? Language.translations().stream()
                                    .noneMatch(t -> href.startsWith("/" + t.folder()))
                            : href.startsWith("/" + lang.folder());
            assertTrue(inTree, lang + " result outside its tree: " + href);
        }
        // The bundle's words, with the count in place of {0}, or after it (English: "3 results");
        // Japanese and Korean write a counter straight after the number (3件の結果, 3건).
        var msg = RecordInLanguage.messages(lang);
        String key = results.size() == 1 ? "search_count_one" : "search_count";
        String count = Integer.toString(results.size());
        String pattern = msg.format(key);
        assertEquals(
                pattern.contains("{0}") ? msg.format(key, count) : count + " " + pattern,
                text("#search-status"),
                lang + " status");
        if (!lang.english()) {
            assertFalse(
                    text("#search-status").startsWith(count + " "), "no space after 3 in " + lang);
        }
        assertEquals(List.of(), Browser.consoleProblems(driver), "console of " + path());
    }

    /** Waits until the search status has settled (in the page's own words), then the results. */
    private static List<WebElement> results() {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(
                        d -> {
                            String loading =
                                    d.findElement(By.id("search-form"))
                                            .getAttribute("data-loading");
                            String status = d.findElement(By.id("search-status")).getText();
                            return !status.isEmpty() && !status.equals(loading);
                        });
        return driver.findElements(By.cssSelector("#search-list > li > a"));
    }

    static Stream<Arguments> sample() {
        return Language.translations().stream()
                .flatMap(lang -> SAMPLE.stream().map(page -> Arguments.of(lang, page)));
    }

    /**
     * Each sampled page of each translation loads with no console message (a CSP refusal would be
     * one) and no axe-core violation, says its language, and its switch leads to the same page in
     * each other language: clicked, it lands there.
     */
    @ParameterizedTest(name = "{0} /{1}")
    @MethodSource("sample")
    void sampledPagesAreCleanAndTheSwitchKeepsTheReaderOnThem(Language lang, String page)
            throws IOException {
        Browser.consoleProblems(driver);
        String address = "/" + lang.folder() + page;
        driver.get(server.url(address + (page.equals("search/") ? "?q=DeepSeek" : "")));
        if (page.equals("search/")) {
            assertFalse(results().isEmpty(), "search results on " + address);
        }
        assertEquals(lang.code(), driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertFalse(text("h1").isBlank());
        assertEquals(List.of(), Browser.consoleProblems(driver), "console of " + address);
        assertEquals(List.of(), Browser.axeViolations(driver), "axe on " + address);

        List<String> expected =
                Stream.of(Language.values()).map(l -> "/" + l.folder() + page).toList();
        List<WebElement> links = driver.findElements(By.cssSelector("nav.languages a"));
        assertEquals(
                expected,
                links.stream().map(a -> URI.create(a.getAttribute("href")).getPath()).toList(),
                "the switch of " + address);
        assertEquals(
                lang.code(),
                driver.findElement(By.cssSelector("nav.languages a[aria-current=page]"))
                        .getAttribute("lang"));
        String title = text("h1");
        for (Language other : Language.values()) {
            if (other == lang) {
                continue;
            }
            driver.get(server.url(address));
            follow(
                    driver.findElement(
                            By.cssSelector("nav.languages a[lang=" + other.code() + "]")));
            assertEquals("/" + other.folder() + page, path(), "the switch from " + address);
            assertEquals(other.code(), driver.findElement(By.tagName("html")).getAttribute("lang"));
            if (page.startsWith("models/") || page.startsWith("bases/")) {
                assertEquals(title, text("h1"), "the same record in " + other);
            }
        }
    }
}
