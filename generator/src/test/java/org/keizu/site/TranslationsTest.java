package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.RecordMapper;
import org.keizu.load.VocabularyLoader;
import org.keizu.model.PartialDate;
import org.keizu.render.Bundles;
import org.keizu.render.Language;

/**
 * The site in three languages (issue 15), built from a copy of the real registry with stand-in
 * bundles ({@link StandInBundles}), and the real bundles checked key by key.
 */
class TranslationsTest {
    private static final String RAKUTEN = "models/rakuten-ai-3.0/";

    @TempDir static Path root;
    static Path out;
    static RegistryBuild.Result result;

    @BeforeAll
    static void build() throws IOException {
        TestRegistries.realCopy(root);
        Path data = root.resolve("data");
        // One summary and one evidence item translated into Japanese only; a translated prose page.
        Path rakuten = data.resolve("models/rakuten-ai-3.0.yaml");
        String yaml = Files.readString(rakuten, StandardCharsets.UTF_8);
        // The record's own translations set aside, so that the test controls which text has one.
        yaml = yaml.replaceAll("(?m)^( *)translations:\n(?:\\1  (?:ja|ko): .*\n)+", "");
        yaml =
                yaml.replaceFirst(
                        "\nsummary:\n", "\nsummary:\n  translations:\n    ja: 楽天の要約（試験）\n");
        yaml =
                yaml.replaceFirst(
                        "\n        summary: >-\n          Rakuten's own card",
                        "\n        translations:\n          ja: 証拠の要約（試験）\n"
                                + "        summary: >-\n          Rakuten's own card");
        Files.writeString(rakuten, yaml, StandardCharsets.UTF_8);
        Files.createDirectories(data.resolve("pages/ja"));
        // Korean's about page left untranslated, whatever the real data holds, to see the marker.
        Files.deleteIfExists(data.resolve("pages/ko/about.md"));
        Files.writeString(
                data.resolve("pages/ja/about.md"),
                "# 系図について\n\n試験の本文。[方法論](../methodology/)と[データ](../data/registry.json)。\n",
                StandardCharsets.UTF_8);
        Path templates = StandInBundles.templates(root, Set.of(), Map.of(), "ja", "ko");
        out = root.resolve("site");
        result =
                new RegistryBuild(
                                new RegistryBuild.Options(
                                        data, templates, root, PartialDate.parse("2026-11-30")))
                        .build(new RegistryBuild.Output(out, "/", "https://keizu.example", false));
        assertFalse(result.findings().hasErrors(), () -> result.findings().sorted().toString());
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path + "index.html").toFile(), "UTF-8");
    }

    @Test
    void everyBundleInTheTemplatesHasEveryKey() {
        // Whatever translations templates/ holds today: each must have every key, and no other.
        List<Finding> findings = new ArrayList<>();
        Bundles.check(
                TestRegistries.TEMPLATES,
                new VocabularyLoader(new RecordMapper())
                        .load(TestRegistries.REAL_DATA.resolve("vocab")),
                findings::add);
        assertEquals(List.of(), findings);
    }

    @Test
    void aMissingOrUnknownKeyFailsTheBuildNamingFileAndKey(@TempDir Path other) throws IOException {
        TestRegistries.validFixture(other);
        Path templates =
                StandInBundles.templates(
                        other,
                        Set.of("nav_models", "vocab.grades.E1.meaning"),
                        Map.of("nav_modles", "typo"),
                        "ko");
        RegistryBuild build =
                new RegistryBuild(
                        new RegistryBuild.Options(
                                other.resolve("data"), templates, other, Optional.empty()));
        RegistryBuild.Result built = build.build(other.resolve("site"), "/");
        assertEquals(List.of(), built.files(), "nothing is written");
        List<String> messages =
                built.findings().sorted().stream()
                        .filter(f -> f.check() == Check.SITE_002 && f.isError())
                        .map(f -> f.file() + ": " + f.message())
                        .toList();
        assertEquals(3, messages.size(), messages::toString);
        assertTrue(
                messages.stream().allMatch(m -> m.startsWith("templates/messages_ko.properties")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("nav_models is missing")));
        assertTrue(
                messages.stream()
                        .anyMatch(
                                m ->
                                        m.contains("vocab.grades.E1.meaning is missing")
                                                && m.contains("data/vocab/grades.yaml")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("nav_modles is neither")));
    }

    /** A page of each type that a translation repeats, the prose page "about" aside. */
    private static final List<String> PAGE_TYPES =
            List.of(
                    "",
                    RAKUTEN,
                    "countries/",
                    "countries/jp/",
                    "verdicts/disclosed-after-the-fact/",
                    "organisations/rakuten/",
                    "bases/deepseek-v3/",
                    "glossary/",
                    "search/",
                    "methodology/");

    private static List<String> withAbout(List<String> pages) {
        List<String> all = new ArrayList<>(pages);
        all.add("about/");
        return all;
    }

    @Test
    void eachLanguageHasEveryPageInItsFolderAndSharesTheFiles() throws IOException {
        for (String lang : List.of("ja", "ko")) {
            for (String path : withAbout(PAGE_TYPES)) {
                assertTrue(
                        Files.exists(out.resolve(lang + "/" + path + "index.html")),
                        lang + "/" + path);
            }
            for (String shared :
                    List.of("assets", "data", "feeds", "404.html", "share.png", "sitemap.xml")) {
                assertFalse(Files.exists(out.resolve(lang + "/" + shared)), lang + "/" + shared);
            }
            assertFalse(Files.exists(out.resolve(lang + "/" + RAKUTEN + "v")), "versions");
            assertFalse(Files.exists(out.resolve(lang + "/" + RAKUTEN + "share.png")));
            assertFalse(Files.exists(out.resolve(lang + "/" + RAKUTEN + "index.json")));
        }
        assertTrue(Files.exists(out.resolve("glossary/index.html")));
    }

    @Test
    void pagesCarryTheirLanguageAndAlternatesAndTheSwitchKeepsTheRecord() throws IOException {
        for (String lang : List.of("en", "ja", "ko")) {
            String folder = lang.equals("en") ? "" : lang + "/";
            Document doc = page(folder + RAKUTEN);
            assertEquals(lang, doc.selectFirst("html").attr("lang"));
            assertEquals(
                    List.of(
                            "en https://keizu.example/" + RAKUTEN,
                            "ja https://keizu.example/ja/" + RAKUTEN,
                            "ko https://keizu.example/ko/" + RAKUTEN,
                            "x-default https://keizu.example/" + RAKUTEN),
                    doc.select("link[rel=alternate][hreflang]").stream()
                            .map(l -> l.attr("hreflang") + " " + l.attr("href"))
                            .toList());
            Element nav = doc.selectFirst("nav.languages");
            assertNotNull(nav, lang);
            assertEquals(
                    List.of("/" + RAKUTEN, "/ja/" + RAKUTEN, "/ko/" + RAKUTEN),
                    nav.select("a").eachAttr("href"));
            assertEquals(List.of("en", "ja", "ko"), nav.select("a").eachAttr("lang"));
            assertEquals(lang, nav.selectFirst("a[aria-current=page]").attr("lang"));
            assertEquals(1, nav.select("a[aria-current]").size());
        }
        assertEquals("English", page(RAKUTEN).selectFirst("nav.languages a[lang=en]").text());
        // A past version's page is the English site's alone: no counterparts, no switch.
        Path versionsFolder = out.resolve(RAKUTEN + "v");
        try (Stream<Path> versions =
                Files.isDirectory(versionsFolder) ? Files.list(versionsFolder) : Stream.empty()) {
            Path v1 = versions.sorted().findFirst().orElse(null);
            if (v1 != null) {
                Document version = Jsoup.parse(v1.resolve("index.html").toFile(), "UTF-8");
                assertNull(version.selectFirst("nav.languages"));
                assertTrue(version.select("link[hreflang]").isEmpty());
            }
        }
        Document missing = Jsoup.parse(out.resolve("404.html").toFile(), "UTF-8");
        assertNull(missing.selectFirst("nav.languages"));
    }

    @Test
    void internalLinksOfTheTranslatedPagesStayInTheLanguageOrReachSharedFiles() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String path : List.of("", RAKUTEN, "about/", "open-data/", "glossary/", "search/")) {
            Document doc = page("ja/" + path);
            for (Element a : doc.select("a[href], link[href]")) {
                String href = a.absUrl("href").isEmpty() ? a.attr("href") : a.attr("href");
                if (href.startsWith("https://keizu.example/")) {
                    href = href.substring("https://keizu.example".length());
                }
                if (!href.startsWith("/") && !href.startsWith("../")) {
                    continue;
                }
                String target = resolve("/ja/" + path, href.replaceAll("[#?].*$", ""));
                Path file = out.resolve(target.substring(1));
                if (target.endsWith("/")) {
                    file = file.resolve("index.html");
                }
                if (!Files.exists(file)) {
                    broken.add("ja/" + path + " → " + a.attr("href"));
                }
            }
            for (Element a : doc.select("main a[href^=/]")) {
                String href = a.attr("href");
                boolean page = !href.contains(".") && !href.matches("/models/[^/]+/v/\\d+/");
                if (page && !href.startsWith("/ja/") && !a.hasAttr("lang")) {
                    broken.add("ja/" + path + " leaves the language: " + href);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static String resolve(String base, String href) {
        if (href.startsWith("/")) {
            return href;
        }
        Path resolved = Path.of(base).resolve(href).normalize();
        return resolved.toString().replace('\\', '/') + (href.endsWith("/") ? "/" : "");
    }

    @Test
    void theFrameOfATranslatedPageComesFromItsBundleAlone() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (String lang : List.of("ja", "ko")) {
            for (String path : PAGE_TYPES) {
                unmarked.addAll(unmarkedChrome(page(lang + "/" + path), lang, lang + "/" + path));
            }
        }
        assertEquals(List.of(), unmarked);
    }

    /** Names and codes the frame prints as they are, in every language. */
    private static final Pattern NAMES =
            Pattern.compile("registry\\.json|registry\\.csv|系図|sha256|[A-Z]{2}|E[0-4]");

    /**
     * Every text of a page's frame (masthead, navigation, footer, headings, labels, column names)
     * that does not come from the language's bundle (its marker) and holds Latin letters, outside
     * names and codes and text marked as another language.
     */
    static List<String> unmarkedChrome(Document doc, String lang, String name) {
        String marker = StandInBundles.marker(lang);
        List<String> found = new ArrayList<>();
        for (Element chrome :
                doc.select(
                        "header, footer, nav, main h2, thead th, caption, label, legend, button,"
                                + " dl.meta:not(.snapshot) > dt, .breadcrumb, .kind, .label,"
                                + " .untranslated, .lede, .meaning, dl.legend > dd")) {
            NodeTraversor.traverse(
                    new NodeVisitor() {
                        @Override
                        public void head(Node node, int depth) {
                            if (!(node instanceof TextNode text)) {
                                return;
                            }
                            String words =
                                    NAMES.matcher(text.text())
                                            .replaceAll("")
                                            .replaceAll("[\\p{P}\\p{S}\\p{N}\\s]", "");
                            // Only Latin letters can be English left over: a country's name
                            // from CLDR (日本) is the language's own.
                            if (words.isEmpty()
                                    || text.text().contains(marker)
                                    || !words.matches(".*[A-Za-z].*")) {
                                return;
                            }
                            for (Element up = text.parent(); up != null; up = up.parent()) {
                                if (up.hasAttr("lang") && !up.attr("lang").equals(lang)) {
                                    return; // text in another language, marked so
                                }
                                if (up.hasClass("verdict") && up.text().contains(marker)) {
                                    return;
                                }
                            }
                            found.add(name + ": " + text.text().strip());
                        }

                        @Override
                        public void tail(Node node, int depth) {}
                    },
                    chrome);
        }
        return found.stream().distinct().toList();
    }

    @Test
    void datesAndNumbersAreWrittenForTheLocale() throws IOException {
        assertEquals("2025年12月18日", Language.JA.date("2025-12-18"));
        assertEquals("2025년 12월 18일", Language.KO.date("2025-12-18"));
        assertEquals("2025年12月", Language.JA.date("2025-12"));
        assertEquals("2025년", Language.KO.date("2025"));
        assertEquals("2025-12-18", Language.EN.date("2025-12-18"));
        assertEquals("12,345", Language.JA.number(12345));
        assertEquals("12345", Language.EN.number(12345));
        String english = page(RAKUTEN).selectFirst("footer").text();
        assertTrue(english.contains("2026-11-30"), english);
        assertTrue(page("ja/" + RAKUTEN).selectFirst("footer").text().contains("2026年11月30日"));
        assertTrue(page("ko/" + RAKUTEN).selectFirst("footer").text().contains("2026년 11월 30일"));
        String reviewed = page("ja/" + RAKUTEN).select("dl.meta dd").last().text();
        assertTrue(reviewed.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"), reviewed);
    }

    @Test
    void recordTextShowsItsTranslationOrTheEnglishMarkedSo() throws IOException {
        Document ja = page("ja/" + RAKUTEN);
        Element summary = ja.selectFirst("p.summary");
        assertTrue(summary.text().startsWith("楽天の要約（試験）"), summary.text());
        assertFalse(summary.hasAttr("lang"));
        assertTrue(ja.select("p.untranslated").isEmpty(), "the summary is translated");
        assertTrue(ja.select(".evidence-list li").text().contains("証拠の要約（試験）"));
        // Evidence without a Japanese translation: the English, in lang="en", with the marker.
        Element english = ja.selectFirst(".evidence-list li span[lang=en]");
        assertNotNull(english);
        assertTrue(english.previousElementSibling().text().startsWith(StandInBundles.marker("ja")));
        Document ko = page("ko/" + RAKUTEN);
        Element koSummary = ko.selectFirst("p.summary");
        assertEquals("en", koSummary.attr("lang"));
        assertTrue(koSummary.previousElementSibling().hasClass("untranslated"));
        assertTrue(
                koSummary.previousElementSibling().text().startsWith(StandInBundles.marker("ko")));
        // Who made a claim is the record's English words, marked as such on a translated page.
        assertEquals("en", ja.selectFirst(".claim .kind span").attr("lang"));
        assertTrue(page(RAKUTEN).select(".claim .kind span").isEmpty());
        // English pages are as they were: no marker, no lang on the summary.
        Document en = page(RAKUTEN);
        assertFalse(en.selectFirst("p.summary").hasAttr("lang"));
        assertTrue(en.select(".untranslated").isEmpty());
        // Quotes keep their language, with the registry's translation beside them.
        assertEquals(
                page(RAKUTEN).select(".claim blockquote").eachAttr("lang"),
                ko.select(".claim blockquote").eachAttr("lang"));
    }

    @Test
    void aProsePageShowsItsTranslationOrTheEnglishMarkedSo() throws IOException {
        Document about = page("ja/about/");
        assertEquals("系図について", about.selectFirst("article h1").text());
        assertTrue(about.select(".untranslated").isEmpty());
        Document koAbout = page("ko/about/");
        assertTrue(
                koAbout.selectFirst("p.untranslated")
                        .text()
                        .startsWith(StandInBundles.marker("ko")));
        assertEquals("en", koAbout.selectFirst("article div[lang]").attr("lang"));
        // data/pages/ja/ is no page of the English site.
        assertFalse(Files.exists(out.resolve("ja/ja")));
        assertFalse(Files.exists(out.resolve("ja/index.html.md")));
    }

    @Test
    void theGlossaryListsEveryTermWithItsMeaningInEachLanguage() throws IOException {
        Document en = page("glossary/");
        assertEquals(
                List.of(
                        "glossary-grades",
                        "glossary-relations",
                        "glossary-verdicts",
                        "glossary-claim-kinds",
                        "glossary-evidence-kinds",
                        "glossary-weight-findings"),
                en.select("main h2").eachAttr("id"));
        Element e1 = page("ja/glossary/").selectFirst("dt#grades-E1");
        assertTrue(e1.text().contains(StandInBundles.marker("ja")), e1.text());
        assertTrue(
                e1.nextElementSibling().text().startsWith(StandInBundles.marker("ja")),
                "its meaning");
        assertEquals(
                "/ja/glossary/",
                page("ja/" + RAKUTEN).selectFirst("footer a[href$=glossary/]").attr("href"));
    }

    @Test
    void searchLoadsTheIndexOfItsOwnLanguage() throws IOException {
        Document ja = page("ja/search/");
        Element form = ja.selectFirst("#search-form");
        // Each language has an index of its own; results are addressed from the site's root.
        assertEquals("/search-index/ja/", form.attr("data-index"));
        assertEquals(
                "/search-index/en/",
                page("search/").selectFirst("#search-form").attr("data-index"));
        assertEquals("/", form.attr("data-base"));
        assertEquals("ja", ja.selectFirst("html").attr("lang"));
        // Names in their own scripts are on every language's pages, so 楽天 finds Rakuten in each.
        for (String lang : List.of("en", "ja", "ko")) {
            String folder = lang.equals("en") ? "" : lang + "/";
            assertTrue(page(folder + RAKUTEN).selectFirst("article").text().contains("楽天"));
        }
    }

    @Test
    void theSitemapListsEveryLanguagesPages() throws IOException {
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        for (String loc :
                List.of(
                        "https://keizu.example/" + RAKUTEN,
                        "https://keizu.example/ja/" + RAKUTEN,
                        "https://keizu.example/ko/" + RAKUTEN,
                        "https://keizu.example/ko/glossary/")) {
            assertTrue(sitemap.contains("<loc>" + loc + "</loc>"), loc);
        }
    }
}
