package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * Builds real sites from the fixture registry into temporary folders and reads them back with
 * jsoup.
 */
class SiteBuildTest {
    private static RegistryBuild.Result build(Path root, Path out, String baseUrl)
            throws IOException {
        return new RegistryBuild(TestRegistries.options(root)).build(out, baseUrl);
    }

    @Test
    void writesTheHomePageAndOneEvidencePagePerModel(@TempDir Path root) throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        build(root, out, "/");
        Document index = Jsoup.parse(out.resolve("index.html").toFile());
        assertEquals(2, index.select("table.models tbody tr").size(), "the examined models");
        assertEquals(List.of("Base Model"), index.select(".base-list li > a").eachText());
        Element row = index.select("table.models tbody tr:contains(National Model)").first();
        assertTrue(row.text().contains("Base Model"), row.text());
        assertTrue(row.text().contains("Disclosed after the fact"), row.text());
        Document page = Jsoup.parse(out.resolve("models/national-model/index.html").toFile());
        assertEquals("National Model 国民モデル", page.selectFirst("h1").text());
        assertTrue(page.selectFirst(".headline-text").text().contains("disclosed it only later"));
        assertEquals("ja", page.selectFirst(".claim blockquote").attr("lang"));
        assertTrue(page.selectFirst(".translation").text().startsWith("Translation (Keizu's):"));
        assertEquals(2, page.select("ol.sources li").size());
        assertTrue(Files.exists(out.resolve(".nojekyll")));
        assertEquals(List.of(), org.keizu.SiteOracle.problems(out, "/"));
    }

    @Test
    void showsTheConfigComparedFieldByFieldWithTheSnapshotsProvenance(@TempDir Path root)
            throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        build(root, out, "/");
        Document page = Jsoup.parse(out.resolve("models/national-model/index.html").toFile());
        Element comparison = page.selectFirst(".comparison");
        assertTrue(
                comparison.selectFirst("h3").text().startsWith("Compared with Base Model"),
                comparison.text());
        // Every shape field is equal but rope_theta, a release's setting: the config alone is a
        // lead (the makers' disclosure makes the declared link E4).
        assertEquals("E1", comparison.selectFirst(".grade").text());
        Element rope = comparison.selectFirst("table.fields tr:has(code:containsOwn(rope_theta))");
        assertEquals(
                List.of("rope_theta", "C", "500000.0", "10000.0"),
                rope.select("th, td").eachText());
        assertTrue(
                page.selectFirst(".snapshot")
                        .text()
                        .contains("fixture-org/Same-Shape@unpinned-583f7531e2a0"));
        assertTrue(
                page.selectFirst(".snapshot").text().contains("not known"),
                "an unpinned snapshot says its hub commit is unknown");
    }

    @Test
    void offersAReadyMadeCitationAndMetadataForReferenceManagers(@TempDir Path root)
            throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        new RegistryBuild(TestRegistries.options(root))
                .build(new RegistryBuild.Output(out, "/keizu/", "https://example.org", false));
        Document page = Jsoup.parse(out.resolve("models/national-model/index.html").toFile());
        String permalink = "https://example.org/keizu/models/national-model/";
        assertEquals(permalink, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(
                "National Model: claimed and detected lineage",
                page.selectFirst("meta[name=citation_title]").attr("content"));
        assertEquals("2026-11-29", page.selectFirst("meta[name=citation_date]").attr("content"));
        assertEquals("Keizu", page.selectFirst("meta[name=citation_publisher]").attr("content"));
        assertTrue(
                page.select("meta[name=citation_author]").isEmpty(),
                "no person-shaped author for Zotero to split");
        List<String> citations = page.select("pre.citation").eachText();
        assertEquals(
                "Keizu contributors. (2026). National Model: claimed and detected lineage"
                        + " [Dataset]. Keizu. "
                        + permalink,
                citations.get(0),
                "APA, without a version: this fixture is outside git");
        assertTrue(citations.get(2).startsWith("@misc{keizu-national-model,"), citations.get(2));
        assertTrue(
                citations.get(2).contains("url          = {" + permalink + "}"), citations.get(2));
    }

    @Test
    void escapesBibtexSpecialCharacters() {
        assertEquals(
                "A\\&B \\{x\\} 50\\% \\textbackslash{}",
                org.keizu.render.RenderAccess.bibtex("A&B {x} 50% \\"));
        // ~ is a non-breaking space and ^ a superscript in TeX: both are printed as themselves.
        assertEquals(
                "a\\textasciitilde{}b\\textasciicircum{}2",
                org.keizu.render.RenderAccess.bibtex("a~b^2"));
    }

    @Test
    void keepsArchitectureReuseApartFromDerivation(@TempDir Path root) throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        build(root, out, "/");
        Document page = Jsoup.parse(out.resolve("models/lookalike-model/index.html").toFile());
        String statement = page.selectFirst(".link .statement").text();
        assertTrue(statement.contains("Uses the architecture of Base Model"), statement);
        assertTrue(statement.contains("not a derivation"), statement);
        assertFalse(page.select(".link.derivation").hasText());
        assertEquals("No base found", page.selectFirst("#verdict .verdict").text());
    }

    @Test
    void everyInternalLinkResolvesUnderASubPath(@TempDir Path root) throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        build(root, out, "/keizu/");
        assertEquals(List.of(), org.keizu.SiteOracle.problems(out, "/keizu/"));
        int checked = 0;
        try (Stream<Path> pages = Files.walk(out)) {
            for (Path html : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(html.toFile());
                for (Element link : doc.select("a[href], link[href]")) {
                    String href = link.attr("href");
                    if (href.startsWith("https://") || href.startsWith("#")) {
                        continue;
                    }
                    assertTrue(href.startsWith("/keizu/"), html + ": " + href);
                    Path target = out.resolve(href.substring("/keizu/".length()));
                    assertTrue(
                            Files.isRegularFile(target)
                                    || Files.isRegularFile(target.resolve("index.html")),
                            html + " links to missing " + href);
                    checked++;
                }
                for (Element cite : doc.select("a[href^=#]")) {
                    assertFalse(
                            doc.select("[id=" + cite.attr("href").substring(1) + "]").isEmpty(),
                            html + ": dangling anchor " + cite.attr("href"));
                }
            }
        }
        assertTrue(checked > 10, "only " + checked + " links checked");
    }

    @Test
    void twoBuildsOfTheSameDataAreByteIdentical(@TempDir Path root) throws IOException {
        TestRegistries.validFixture(root);
        build(root, root.resolve("one"), "/");
        build(root, root.resolve("two"), "/");
        Map<String, byte[]> one = TestRegistries.snapshot(root.resolve("one"));
        Map<String, byte[]> two = TestRegistries.snapshot(root.resolve("two"));
        assertEquals(one.keySet(), two.keySet());
        one.forEach((path, bytes) -> assertArrayEquals(bytes, two.get(path), path));
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouched(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        build(root, out, "/");
        Map<String, byte[]> before = TestRegistries.snapshot(out);
        Files.writeString(data.resolve("models/broken.yaml"), "id: broken\nname: [\n");

        RegistryBuild.Result result = build(root, out, "/");

        assertTrue(result.findings().hasErrors());
        assertEquals(List.of(), result.files());
        Map<String, byte[]> after = TestRegistries.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().startsWith(".site.")).toList(),
                    "no staging folder may be left behind");
        }
    }

    @Test
    void aProsePageCannotTakeAnAddressTheSiteUses(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        build(root, out, "/");
        Map<String, byte[]> before = TestRegistries.snapshot(out);
        Files.createDirectories(data.resolve("pages"));
        Files.writeString(data.resolve("pages/search.md"), "# Search tips\n\nUse quotes.\n");
        Files.writeString(data.resolve("pages/countries.md"), "# Countries\n\nA list.\n");

        RegistryBuild.Result result = build(root, out, "/");

        List<String> findings =
                result.findings().sorted().stream()
                        .map(f -> f.check().code() + " " + f.file())
                        .toList();
        assertEquals(
                List.of("SITE-001 data/pages/countries.md", "SITE-001 data/pages/search.md"),
                findings);
        assertEquals(
                List.of(),
                result.files(),
                "nothing is rendered when two pages would share an address");
        Map<String, byte[]> after = TestRegistries.snapshot(out);
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite(@TempDir Path root) throws IOException {
        Path precious = Files.createDirectories(root.resolve("precious"));
        Files.writeString(precious.resolve("thesis.txt"), "years of work");
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                new SiteWriter(precious)
                                        .write(List.of(OutputFile.text("index.html", "x"))));
        assertTrue(e.getMessage().contains("refusing to replace it"), e.getMessage());
        assertEquals("years of work", Files.readString(precious.resolve("thesis.txt")));
    }

    @Test
    void refusesPathsThatLeaveTheOutputFolder(@TempDir Path root) {
        Path out = root.resolve("site");
        assertThrows(
                IOException.class,
                () -> new SiteWriter(out).write(List.of(OutputFile.text("../escaped.html", "x"))));
        assertFalse(Files.exists(root.resolve("escaped.html")));
        assertFalse(Files.exists(out));
    }

    @Test
    void aWriteThatFailsOnAWriterThreadFailsTheBuildAndTheOldSiteStays(@TempDir Path root)
            throws IOException {
        Path out = root.resolve("site");
        new SiteWriter(out).write(List.of(OutputFile.text("index.html", "the old site")));
        // "a" is written as a file, so the folder "a/" that the second file needs cannot be made:
        // the path is fine when handed over and fails only when a writer thread reaches it.
        List<OutputFile> files = new ArrayList<>();
        files.add(OutputFile.text("a", "a file where a folder is needed"));
        for (int i = 0; i < 50; i++) {
            files.add(OutputFile.text("a/page-" + i + ".html", "x"));
        }
        IOException e = assertThrows(IOException.class, () -> new SiteWriter(out).write(files));
        assertTrue(e.getMessage().contains("could not be written"), e.getMessage());
        assertEquals("the old site", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("a")));
        try (Stream<Path> beside = Files.list(root)) {
            assertEquals(List.of(out), beside.toList(), "no staging folder is left beside it");
        }
    }
}
