package org.keizu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/**
 * {@link PageText} reads what a DOM parser reads, on every page of the real site and on odd HTML.
 */
class PageTextTest {
    @TempDir static Path root;
    private static Path site;

    @BeforeAll
    static void build() throws IOException {
        site = root.resolve("site");
        TestRegistries.buildReal(site, "/", "", false);
    }

    @Test
    void readsWhatJsoupReadsOnEveryPageOfTheRealSite() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int indexed = 0;
        for (Path file : pages) {
            String html = Files.readString(file);
            Optional<PageText.Page> read = PageText.read(html);
            Optional<PageText.Page> expected = byDom(html);
            String name = site.relativize(file).toString();
            assertEquals(expected.isPresent(), read.isPresent(), name);
            if (expected.isEmpty()) {
                continue;
            }
            indexed++;
            PageText.Page want = expected.get();
            PageText.Page got = read.get();
            assertEquals(want.title(), got.title(), name);
            assertEquals(want.meta(), got.meta(), name);
            assertEquals(want.filters(), got.filters(), name);
            assertEquals(SearchTokens.of(want.content()), SearchTokens.of(got.content()), name);
        }
        assertTrue(indexed > 3 * 78, "every model page in three languages, and prose: " + indexed);
    }

    /** What the page gives the index, read from jsoup's tree: the reference. */
    private static Optional<PageText.Page> byDom(String html) {
        Document document = Jsoup.parse(html);
        Element body = document.selectFirst("[" + PageText.BODY + "]");
        if (body == null) {
            return Optional.empty();
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (Element e : body.select("[" + PageText.META + "]")) {
            meta.putIfAbsent(e.attr(PageText.META), e.text());
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Element e : body.select("[" + PageText.FILTER + "]")) {
            filters.computeIfAbsent(e.attr(PageText.FILTER), k -> new ArrayList<>()).add(e.text());
        }
        Element h1 = body.selectFirst("h1");
        String title = meta.containsKey("title") ? meta.get("title") : h1 == null ? "" : h1.text();
        Element text = body.clone();
        text.select("[" + PageText.IGNORE + "]").remove();
        return Optional.of(new PageText.Page(title, text.text(), meta, filters));
    }

    @Test
    void aPageWithNoMarkedPartGivesNothing() {
        assertEquals(Optional.empty(), PageText.read("<html><body><h1>Hi</h1></body></html>"));
        // The attribute's name in the text is not an attribute.
        assertEquals(
                Optional.empty(), PageText.read("<p>data-search-body is what marks a page</p>"));
    }

    @Test
    void readsEntitiesCommentsScriptsAndOddTags() {
        String html =
                "<!DOCTYPE html><HTML><head><script>var s = '<article data-search-body>';</script>"
                        + "<style>p > a { color: red }</style></head><body>"
                        + "<ARTICLE class=\"x\" title='a > b' data-search-body>"
                        + "<h1>Ax &amp; B&#39;s <em>model</em></h1>"
                        + "<!-- <p>hidden comment</p> -->"
                        + "<p>one<br>two<img src=\"x.png\" alt=\"no\">three 1 &lt; 2 &eacute;t&eacute;</p>"
                        + "<svg><path d=\"M0 0\"/><text>tree</text></svg>"
                        + "<div data-search-ignore><p>ignored <b>bold</b></p>"
                        + "<span data-search-meta=\"kind\">model</span>"
                        + "<span data-search-filter=\"country\">Japan</span>"
                        + "<span data-search-filter=\"country\">South <i>Korea</i></span></div>"
                        + "<p>after &nbsp;ignored</p></ARTICLE><p>outside</p></body></HTML>";
        PageText.Page page = PageText.read(html).orElseThrow();
        assertEquals("Ax & B's model", page.title());
        assertEquals("Ax & B's model one two three 1 < 2 été tree after ignored", page.content());
        assertEquals(Map.of("kind", "model"), page.meta());
        assertEquals(Map.of("country", List.of("Japan", "South Korea")), page.filters());
    }

    @Test
    void aTitleMetaWinsOverTheHeading() {
        PageText.Page page =
                PageText.read(
                                "<main data-search-body><h1>Heading</h1><span hidden"
                                        + " data-search-meta=\"title\">Meta title</span></main>")
                        .orElseThrow();
        assertEquals("Meta title", page.title());
        assertEquals("Heading Meta title", page.content());
    }

    @Test
    void unclosedAndStrayTagsDoNotLoseTheRest() {
        PageText.Page page =
                PageText.read("<div data-search-body><p>one</span><p>two</div><p>three")
                        .orElseThrow();
        assertEquals("one two", page.content());
        assertEquals(
                "a < b", PageText.read("<p data-search-body>a < b</p>").orElseThrow().content());
    }
}
