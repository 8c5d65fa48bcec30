package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.render.Language;

/**
 * The files of the Japanese and Korean editions (issue 15) of the real site built at the domain
 * root: the Nu HTML Checker over the sample {@link LanguagesIT} opens in Chromium, every page's
 * {@code hreflang} alternates resolving to pages of that language that name the same alternates,
 * and every language switch offering exactly those pages.
 */
class LanguageFilesIT {
    static final Path VNU = TestRegistries.REPO.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

    private static Path site() {
        return BuiltSites.real("/");
    }

    private static Document parse(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    /** The file a site-absolute page address is served from, or null when there is none. */
    private static Path file(String href) {
        if (!href.startsWith("/") || href.contains("..")) {
            return null;
        }
        Path file = site().resolve(href.substring(1).replaceAll("[#?].*$", ""));
        Path page = Files.isDirectory(file) ? file.resolve("index.html") : file;
        return Files.isRegularFile(page) ? page : null;
    }

    @Test
    void theSampledPagesOfEachTranslationAreValidHtmlForTheNuChecker() throws Exception {
        assertTrue(Files.isRegularFile(VNU), "run npm ci first: " + VNU + " is missing");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                VNU.toString(),
                                "--errors-only",
                                "--format",
                                "gnu"));
        int pages = 0;
        for (Language lang : Language.translations()) {
            for (String page : LanguagesIT.SAMPLE) {
                Path file = file("/" + lang.folder() + page);
                assertTrue(file != null, lang + " /" + page + " exists");
                command.add(file.toString());
                pages++;
            }
        }
        Process vnu = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", report.strip(), "vnu reported errors");
        assertEquals(0, vnu.waitFor());
        assertEquals(2 * LanguagesIT.SAMPLE.size(), pages);
    }

    /**
     * Every alternate of every page is a real page in the language it claims, whose own alternates
     * are the same set (search engines ignore alternates that do not point back); x-default is the
     * English page; a canonical address, where a page has one, is the page's own, and its JSON-LD
     * names the page's language. Each translation repeats every English page that has alternates.
     */
    @Test
    void everyHreflangAlternateIsARealPageThatPointsBack() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> pagesPerLanguage = new TreeMap<>();
        for (Path html : pages()) {
            String name = site().relativize(html).toString();
            Document doc = parse(html);
            Map<String, String> alternates = alternates(doc);
            if (alternates.isEmpty()) {
                continue;
            }
            pagesPerLanguage.merge(doc.selectFirst("html").attr("lang"), 1, Integer::sum);
            if (!alternates.keySet().equals(java.util.Set.of("en", "ja", "ko", "x-default"))) {
                problems.add(name + ": alternates " + alternates.keySet());
            }
            // A canonical address in another language would tell search engines to drop this one.
            Element canonical = doc.selectFirst("head link[rel=canonical]");
            String own = alternates.get(doc.selectFirst("html").attr("lang"));
            if (canonical != null && !canonical.attr("href").equals(own)) {
                problems.add(name + ": canonical " + canonical.attr("href") + ", not " + own);
            }
            for (Element ld : doc.select("script[type=application/ld+json]")) {
                java.util.regex.Matcher in =
                        java.util.regex.Pattern.compile("\"inLanguage\" : \"([^\"]+)\"")
                                .matcher(ld.data());
                while (in.find()) {
                    if (!in.group(1).equals(doc.selectFirst("html").attr("lang"))) {
                        problems.add(name + ": JSON-LD says the page is in " + in.group(1));
                    }
                }
            }
            if (!alternates.get("x-default").equals(alternates.get("en"))) {
                problems.add(name + ": x-default is not the English page");
            }
            for (Map.Entry<String, String> alternate : alternates.entrySet()) {
                Path target = file(alternate.getValue());
                if (target == null) {
                    problems.add(name + ": " + alternate + " is no page");
                    continue;
                }
                Document other = parse(target);
                String lang = alternate.getKey().equals("x-default") ? "en" : alternate.getKey();
                if (!other.selectFirst("html").attr("lang").equals(lang)) {
                    problems.add(name + ": " + alternate + " is not in " + lang);
                }
                if (!alternates(other).equals(alternates)) {
                    problems.add(name + ": " + alternate + " does not point back the same way");
                }
            }
        }
        assertEquals(List.of(), problems);
        int english = pagesPerLanguage.getOrDefault("en", 0);
        assertTrue(english > 50, "pages with alternates: " + pagesPerLanguage);
        assertEquals(Map.of("en", english, "ja", english, "ko", english), pagesPerLanguage);
    }

    /**
     * On every page with a switch, the switch offers each language once, in the alternates' order,
     * each link marked with its language, and the page's own marked as current.
     */
    @Test
    void everySwitchOffersThePagesAlternates() throws IOException {
        List<String> problems = new ArrayList<>();
        int switches = 0;
        for (Path html : pages()) {
            String name = site().relativize(html).toString();
            Document doc = parse(html);
            Element nav = doc.selectFirst("nav.languages");
            Map<String, String> alternates = alternates(doc);
            if (nav == null) {
                if (!alternates.isEmpty()) {
                    problems.add(name + ": alternates but no switch");
                }
                continue;
            }
            switches++;
            List<String> offered = new ArrayList<>();
            for (Element a : nav.select("a")) {
                offered.add(a.attr("lang") + " " + a.attr("href"));
                if (!a.attr("hreflang").equals(a.attr("lang"))) {
                    problems.add(name + ": switch link " + a.attr("href") + " hreflang");
                }
            }
            List<String> expected = new ArrayList<>();
            for (Language l : Language.values()) {
                expected.add(l.code() + " " + alternates.get(l.code()));
            }
            if (!offered.equals(expected)) {
                problems.add(name + ": switch " + offered + ", alternates " + expected);
            }
            Element current = nav.selectFirst("a[aria-current=page]");
            String lang = doc.selectFirst("html").attr("lang");
            if (current == null || !current.attr("lang").equals(lang)) {
                problems.add(name + ": the switch does not mark the page's own language");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(switches > 150, "switches: " + switches);
    }

    /** hreflang to address, in the page's order. */
    private static Map<String, String> alternates(Document doc) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Element link : doc.select("head link[rel=alternate][hreflang]")) {
            out.put(link.attr("hreflang"), link.attr("href"));
        }
        return out;
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(site())) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
