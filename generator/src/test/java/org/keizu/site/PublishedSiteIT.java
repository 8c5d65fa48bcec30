package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.TestRegistries;
import org.keizu.browser.BuiltSites;
import org.keizu.load.Loaded;
import org.keizu.model.Model;

/**
 * The site built from the real data, read as a reader's tools read it: the Nu HTML Checker over
 * every page in one JVM, every internal link and anchor resolved, the page-weight budget, and no
 * request to another host. Built at the domain root and under /keizu/ (once, by {@link
 * BuiltSites}); Failsafe runs it in mvn verify.
 */
class PublishedSiteIT {
    static final Path VNU = TestRegistries.REPO.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
    static final String ORIGIN = "https://example.org";

    /** The real site with an origin (absolute addresses in sitemap.xml), built once and shared. */
    static Path siteAt(String baseUrl) {
        return BuiltSites.real(baseUrl, ORIGIN);
    }

    @BeforeAll
    static void build() {
        for (String baseUrl : List.of("/", "/keizu/")) {
            siteAt(baseUrl);
        }
    }

    static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyPageIsValidHtmlForTheNuChecker() throws Exception {
        assertTrue(Files.isRegularFile(VNU), "run npm ci first: " + VNU + " is missing");
        Process vnu =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                VNU.toString(),
                                "--errors-only",
                                "--skip-non-html",
                                "--format",
                                "gnu",
                                siteAt("/keizu/").toString())
                        .redirectErrorStream(true)
                        .start();
        String report = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = vnu.waitFor();
        assertEquals("", report.strip(), "vnu reported errors");
        assertEquals(0, exit);
        assertTrue(pages(siteAt("/keizu/")).size() > 50, "the checker saw the whole site");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/keizu/"})
    void theOutputOracleFindsNothingToObjectTo(String baseUrl) throws IOException {
        assertEquals(List.of(), org.keizu.SiteOracle.problems(siteAt(baseUrl), baseUrl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/keizu/"})
    void everyInternalLinkAndAnchorResolves(String baseUrl) throws IOException {
        Path site = siteAt(baseUrl);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path html : pages(site)) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            for (Element link : doc.select("a[href], link[href], script[src]")) {
                String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                if (target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                checked++;
                // Resolve as the browser would: relative links (prose pages use ../about/) against
                // the page's own URL.
                String pageUrl =
                        "https://site"
                                + baseUrl
                                + site.relativize(html).toString().replace('\\', '/');
                String absolute =
                        java.net
                                .URI
                                .create(pageUrl)
                                .resolve(target)
                                .toString()
                                .substring("https://site".length());
                String path =
                        target.startsWith("#")
                                ? ""
                                : absolute.contains("#")
                                        ? absolute.substring(0, absolute.indexOf('#'))
                                        : absolute;
                String anchor =
                        target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Document in = doc;
                if (!path.isEmpty()) {
                    if (!path.startsWith(baseUrl)) {
                        broken.add(
                                site.relativize(html) + ": " + target + " is not under " + baseUrl);
                        continue;
                    }
                    Path file = site.resolve(path.substring(baseUrl.length()));
                    Path resolved = Files.isDirectory(file) ? file.resolve("index.html") : file;
                    if (!Files.isRegularFile(resolved)) {
                        broken.add(site.relativize(html) + ": " + target);
                        continue;
                    }
                    in =
                            resolved.toString().endsWith(".html")
                                    ? Jsoup.parse(resolved.toFile(), "UTF-8")
                                    : null;
                }
                if (!anchor.isEmpty() && (in == null || in.getElementById(anchor) == null)) {
                    broken.add(site.relativize(html) + ": dangling #" + anchor + " in " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 500, "only " + checked + " links checked");
    }

    @Test
    void noPageLoadsAnythingFromAnotherHost() throws IOException {
        for (Path html : pages(siteAt("/"))) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            for (Element e :
                    doc.select(
                            // A canonical address and the other languages' addresses (hreflang)
                            // name pages; a browser loads neither.
                            "[src], link[href]:not([rel=canonical]):not([hreflang]), img, iframe,"
                                    + " object, embed")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                assertTrue(url.startsWith("/"), html + " loads " + url);
            }
            Element csp = doc.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            assertTrue(
                    csp != null && csp.attr("content").contains("default-src 'none'"),
                    html + " lacks the CSP");
            assertEquals(csp, doc.head().child(0), html + ": the CSP must come first");
            // JSON-LD is data a browser never runs (SiteOracle checks it is valid JSON with no
            // '<').
            assertTrue(
                    doc.select("script:not([src]):not([type=application/ld+json])").isEmpty(),
                    html + " has an inline script");
            assertTrue(doc.select("[style]").isEmpty(), html + " has an inline style attribute");
        }
    }

    @Test
    void noPageOutweighsItsBudget() throws IOException {
        Path site = siteAt("/");
        long css;
        try (Stream<Path> assets = Files.list(site.resolve("assets"))) {
            css =
                    assets.filter(p -> p.toString().endsWith(".css"))
                            .mapToLong(p -> p.toFile().length())
                            .sum();
        }
        for (Path html : pages(site)) {
            long bytes = Files.size(html) + css;
            assertTrue(bytes <= 100 * 1024, html + " weighs " + bytes + " bytes with its CSS");
        }
    }

    @Test
    void everyModelHasAnEvidencePageStatingClaimDetectionGradeVerdictAndSources()
            throws IOException {
        List<Loaded<Model>> models =
                new org.keizu.RegistryLoad(TestRegistries.REAL_DATA, TestRegistries.REPO)
                        .run(new org.keizu.diagnostic.Findings())
                        .models();
        for (Loaded<Model> loaded : models) {
            Model m = loaded.record();
            Document page =
                    Jsoup.parse(
                            siteAt("/").resolve("models/" + m.id() + "/index.html").toFile(),
                            "UTF-8");
            assertFalse(page.select("#verdict .verdict").text().isEmpty(), m.id() + ": verdict");
            assertFalse(page.select(".headline-text").text().isEmpty(), m.id() + ": headline");
            assertFalse(page.select("#claims").isEmpty(), m.id() + ": claims section");
            assertFalse(page.select("#lineage").isEmpty(), m.id() + ": lineage section");
            assertEquals(
                    m.sources().size(),
                    page.select("ol.sources > li").size(),
                    m.id() + ": sources");
            for (var link : m.lineage()) {
                assertTrue(
                        page.select(".link .grade").eachText().contains(link.grade().name()),
                        m.id() + ": grade");
            }
        }
    }

    @Test
    void publishesTheUsualFiles() throws IOException {
        Path site = siteAt("/keizu/");
        for (String file : List.of("404.html", ".nojekyll", "sitemap.xml")) {
            assertTrue(Files.exists(site.resolve(file)), file);
        }
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(
                sitemap.contains("<loc>https://example.org/keizu/models/rakuten-ai-3.0/</loc>"),
                sitemap);
        assertFalse(
                Files.exists(site.resolve("robots.txt")),
                "under a sub-path robots.txt would never be read by a crawler, so it is not written");
        assertEquals(
                "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n",
                Files.readString(siteAt("/").resolve("robots.txt")),
                "at the host root robots.txt names the sitemap");
        try (Stream<Path> assets = Files.list(site.resolve("assets"))) {
            assertTrue(
                    assets.allMatch(
                            p ->
                                    p.getFileName()
                                            .toString()
                                            .matches("[a-z]+\\.[0-9a-f]{10}\\.(css|js|svg)")),
                    "asset names carry a content hash");
        }
    }

    @Test
    void basePagesKeepDerivationsApartFromArchitectureSharing() throws IOException {
        Document page =
                Jsoup.parse(siteAt("/").resolve("bases/deepseek-v3/index.html").toFile(), "UTF-8");
        assertEquals(
                List.of("Rakuten AI 3.0"), page.select("#derived + ul.family > li > a").eachText());
        List<String> sharing = page.select("#architecture + ul.family > li > a").eachText();
        assertTrue(sharing.contains("Kimi K2"), sharing.toString());
        assertFalse(page.select("#derived + ul.family").text().contains("Kimi K2"));
        assertFalse(
                page.select("svg[role=group] title").isEmpty(), "the tree has an accessible title");
        assertTrue(
                sharing.containsAll(List.of("A.X K1", "GigaChat 3 Ultra (702B-A36B)")),
                "architecture sharers: " + sharing);
        List<String> drawn = page.select("svg a.tree-node > title").eachText();
        assertEquals(
                List.of("DeepSeek-V3", "Rakuten AI 3.0"),
                drawn,
                "the tree draws the base and its declared derivations, nothing else");
        assertTrue(
                sharing.stream().noneMatch(drawn::contains),
                "no architecture sharer is drawn as a descendant: " + drawn);
    }

    @Test
    void countryPagesCountModelsOnAForeignBase() throws IOException {
        Document japan =
                Jsoup.parse(siteAt("/").resolve("countries/jp/index.html").toFile(), "UTF-8");
        String lede = japan.selectFirst(".lede").text();
        // Counted here from the records themselves: Japanese models that reuse weights or files of
        // a
        // base from another country, out of those whose claims or lineage the registry examined.
        java.util.Map<String, Model> models =
                new org.keizu.RegistryLoad(TestRegistries.REAL_DATA, TestRegistries.REPO)
                        .run(new org.keizu.diagnostic.Findings())
                        .modelsById();
        List<Model> national =
                models.values().stream().filter(m -> m.country().equals("JP")).toList();
        long examined =
                national.stream()
                        .filter(m -> !m.claims().isEmpty() || !m.lineage().isEmpty())
                        .count();
        long foreign =
                national.stream()
                        .filter(
                                m ->
                                        m.lineage().stream()
                                                .anyMatch(
                                                        l ->
                                                                l.relation().reusesArtefacts()
                                                                        && models.containsKey(
                                                                                l.base())
                                                                        && !models.get(l.base())
                                                                                .country()
                                                                                .equals("JP")))
                        .count();
        assertTrue(
                foreign >= 4 && foreign < examined,
                "Rakuten, Swallow, ELYZA ... stand on foreign bases; LLM-jp-3 does not");
        assertTrue(lede.startsWith(foreign + " / " + examined), lede);
    }
}
