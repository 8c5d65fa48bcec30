package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * A list longer than a page is split over pages that link to each other, in every language, and
 * every model stays reachable without JavaScript: the fixture registry plus 230 models of one
 * country, one organisation and one verdict.
 */
class PaginationTest {
    private static final int ADDED = 230;

    @TempDir static Path root;
    private static Path site;

    @BeforeAll
    static void build() throws IOException {
        Path data = TestRegistries.validFixture(root);
        for (int i = 1; i <= ADDED; i++) {
            Files.writeString(
                    data.resolve(String.format("models/listed-%03d.yaml", i)),
                    String.format(
                            """
                            id: listed-%03d
                            name: Listed %03d
                            organisation: national-co
                            country: JP
                            reviewed: 2026-11-29
                            claims:
                              - {kind: vague, quote: "Model %d", language: en, source: card}
                            lineage:
                              - base: base-model
                                relation: fine-tune
                                grade: E4
                                evidence:
                                  - kind: disclosure
                                    summary: The card of model %d names Base Model.
                                    passage: {text: "Built on Base Model."}
                                    source: card
                            sources:
                              - {id: card, title: "[Card %d]", url: "https://example.org/listed/%d", language: en}
                            """,
                            i, i, i, i, i, i));
        }
        site = root.resolve("site");
        RegistryBuild.Result result =
                new RegistryBuild(TestRegistries.options(root)).build(site, "/");
        assertFalse(result.findings().hasErrors(), () -> result.findings().sorted().toString());
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).resolve("index.html").toFile(), "UTF-8");
    }

    /** The pages of the list that starts at {@code path}, following each page's "next" link. */
    private static List<Document> pages(String path) throws IOException {
        List<Document> pages = new ArrayList<>();
        Document page = page(path);
        pages.add(page);
        Element next;
        while ((next = page.selectFirst("nav.pager a[rel=next]")) != null) {
            page = page(next.attr("href").substring(1));
            pages.add(page);
        }
        return pages;
    }

    private static List<String> listedLinks(List<Document> pages) {
        List<String> links = new ArrayList<>();
        for (Document page : pages) {
            for (Element a : page.select("table.models tbody th a[href*=/models/listed-]")) {
                links.add(a.attr("href"));
            }
        }
        return links;
    }

    @Test
    void theHomePageListsEveryModelOnceOverPagesOfAHundred() throws IOException {
        List<Document> pages = pages("");
        int all = page("").select("table.models tbody tr").size();
        assertEquals(ModelListPages.ROWS_PER_PAGE, all, "the first page is full");
        assertTrue(pages.size() >= 3, pages.size() + " pages");
        List<String> links = listedLinks(pages);
        assertEquals(ADDED, links.size(), "each added model once");
        assertEquals(ADDED, new TreeSet<>(links).size());
        Document second = pages.get(1);
        assertEquals("/", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals("/page/2/", second.selectFirst("nav.pager a[aria-current=page]").attr("href"));
        assertTrue(second.title().contains("Page 2 of " + pages.size()), second.title());
        assertFalse(page("").title().contains("Page 1"), "the first page keeps its title");
        assertNull(pages.get(pages.size() - 1).selectFirst("nav.pager a[rel=next]"));
        assertNull(page("").selectFirst("form.filter-form"), "a split table is not filtered");
        assertEquals(
                pages.size(),
                page("").select("nav.pager li a:not([rel])").size(),
                "every page is linked from the first");
    }

    @Test
    void countryOrganisationAndVerdictListsAreSplitToo() throws IOException {
        for (String list : List.of("countries/jp/", "organisations/national-co/")) {
            List<Document> pages = pages(list);
            assertEquals(3, pages.size(), list);
            assertEquals(ADDED, listedLinks(pages).size(), list);
            assertEquals(
                    "/" + list + "page/3/",
                    pages.get(2).selectFirst("nav.pager a[aria-current=page]").attr("href"));
        }
    }

    @Test
    void eachLanguageHasTheSamePagesInItsFolder() throws IOException {
        for (String folder : List.of("ja/", "ko/")) {
            List<Document> pages = pages(folder + "countries/jp/");
            assertEquals(3, pages.size(), folder);
            assertEquals(ADDED, listedLinks(pages).size(), folder);
            Document second = pages.get(1);
            assertEquals(folder.substring(0, 2), second.selectFirst("html").attr("lang"));
            assertTrue(
                    second.select("link[rel=alternate][hreflang=en]")
                            .attr("href")
                            .endsWith("/countries/jp/page/2/"),
                    "its English counterpart is the same page of the list");
        }
    }

    @Test
    void aBaseFamilyIsSplitAndItsTreeDrawsAFewWithABoxForTheRest() throws IOException {
        List<Document> pages = pages("bases/base-model/");
        assertEquals(3, pages.size());
        List<String> members = new ArrayList<>();
        for (Document page : pages) {
            page.select("ul.family a[href*=/models/listed-]")
                    .forEach(a -> members.add(a.attr("href")));
        }
        assertEquals(ADDED, new TreeSet<>(members).size(), "every derived model once");
        assertEquals(ADDED, members.size());
        assertEquals(1, pages.get(0).select("figure.tree").size(), "the first page draws the tree");
        int derived = 0;
        for (Document page : pages) {
            derived += page.select("section[aria-labelledby=derived] li").size();
        }
        int maxDrawn = org.keizu.render.FamilyTreesAccess.maxChildrenDrawn();
        assertTrue(pages.get(1).select("figure.tree").isEmpty());
        for (String page : List.of("bases/base-model/", "models/base-model/")) {
            Document doc = page(page);
            assertEquals(
                    maxDrawn,
                    doc.select("figure.tree a.tree-node[data-parent=base-model]").size() - 1,
                    page + ": the first models, then one box for the rest");
            Element more = doc.selectFirst("figure.tree a.tree-node[data-id=base-model-more]");
            assertEquals("/bases/base-model/", more.attr("href"), page);
            assertTrue(more.text().contains("and " + (derived - maxDrawn) + " more"), more.text());
        }
    }

    @Test
    void noPageOfTheSiteIsOver200Kilobytes() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            List<String> large =
                    files.filter(p -> p.toString().endsWith(".html"))
                            .filter(p -> p.toFile().length() > 200_000)
                            .map(p -> site.relativize(p) + " " + p.toFile().length())
                            .toList();
            assertTrue(large.isEmpty(), large.toString());
        }
    }
}
