package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * A record's versions, made in a real repository and read back from the built site: an edit that
 * says something new is a new version at its own address, with a new citation and a feed entry that
 * says what it did to the verdict; an edit that only re-wraps makes none; a renamed record keeps
 * its versions and its old addresses lead to it; an uncommitted edit is cited as no version.
 */
class RecordVersionsTest {
    private static final String ID = "national-model";

    @Test
    void anEditIsANewVersionWithItsOwnPageCitationAndFeedEntry(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/" + ID + ".yaml");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            Files.writeString(record, "# a comment, and a blank line\n\n" + read(record));
            TestRegistries.commit(git, "re-wrap", "2026-11-29T12:00:00Z");
            Path first = build(root, "first");
            assertEquals(List.of("1"), versionNumbers(first), "a re-wrap makes no version");
            String firstCitation =
                    Files.readString(first.resolve("models/" + ID + "/v/1/cite.bib"));

            // The makers named the base at release after all: the verdict changes.
            Files.writeString(
                    record,
                    read(record)
                            .replace(
                                    "    date: 2025-06-01\n    source: card-later",
                                    "    date: 2025-03-01\n    source: card-later"));
            TestRegistries.commit(git, "date the disclosure", "2026-11-30T10:00:00Z");
            Path second = build(root, "second");
            assertEquals(List.of("2", "1"), versionNumbers(second));

            Document v1 = page(second, "models/" + ID + "/v/1/");
            assertTrue(
                    v1.selectFirst("section.version-past")
                            .text()
                            .contains(
                                    "version 1 of this record, as it stood on 2026-11-29. The"
                                            + " record has changed since: its current state is"
                                            + " version 2, of 2026-11-30."),
                    v1.selectFirst("section.version-past").text());
            assertEquals(
                    "/models/" + ID + "/", v1.selectFirst("section.version-past a").attr("href"));
            Document v2 = page(second, "models/" + ID + "/v/2/");
            assertTrue(v2.selectFirst("section.version-banner").text().contains("the current one"));
            assertTrue(v1.select("article[data-search-body]").isEmpty(), "not searched");
            String v1Verdict = v1.selectFirst("#verdict .verdict").text();
            String v2Verdict = v2.selectFirst("#verdict .verdict").text();
            assertNotEquals(v1Verdict, v2Verdict, "each version is judged as it then stood");
            Document live = page(second, "models/" + ID + "/");
            assertEquals(v2Verdict, live.selectFirst("#verdict .verdict").text());

            // The citation names version 2 and its address; version 1's stays as it was.
            String liveCitation =
                    Files.readString(second.resolve("models/" + ID + "/v/2/cite.bib"));
            assertTrue(liveCitation.matches("(?s).*version\\s*= \\{2\\}.*"), liveCitation);
            assertTrue(liveCitation.contains("/models/" + ID + "/v/2/"), liveCitation);
            String v1Citation = Files.readString(second.resolve("models/" + ID + "/v/1/cite.bib"));
            assertTrue(v1Citation.matches("(?s).*version\\s*= \\{1\\}.*"), v1Citation);
            assertEquals(firstCitation, v1Citation, "a citation of version 1 stays good");
            assertNotEquals(firstCitation, liveCitation);
            assertFalse(Files.exists(second.resolve("models/" + ID + "/cite.bib")));

            // The feed says what the edit did, and links the version.
            Feed feed = feed(second);
            Entry change = entryFor(feed, "/models/" + ID + "/v/2/");
            assertEquals(
                    "National Model: verdict changed from " + v1Verdict + " to " + v2Verdict,
                    change.getTitle());
            assertTrue(change.getSummary().getValue().startsWith("Version 2 of the record"));
            assertEquals(
                    "National Model added to the registry",
                    entryFor(feed, "/models/" + ID + "/v/1/").getTitle());
            assertEquals(
                    1,
                    feed(first).getEntries().stream()
                            .filter(e -> e.getTitle().startsWith("National Model"))
                            .filter(e -> !e.getTitle().endsWith(": correction"))
                            .count(),
                    "before the edit: the one entry of its publication (and its correction's)");
        }
    }

    @Test
    void aRenamedRecordKeepsItsVersionsAndItsOldAddressesLeadToIt(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/" + ID + ".yaml");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            String text = read(record).replace("id: " + ID + "\n", "");
            Files.delete(record);
            Files.writeString(
                    data.resolve("models/renamed-model.yaml"),
                    "id: renamed-model\nformer_ids: [" + ID + "]\n" + text);
            git.rm().addFilepattern("data/models/" + ID + ".yaml").call();
            TestRegistries.commit(git, "rename", "2026-11-30T10:00:00Z");
            Path site = build(root, "site");

            assertEquals(
                    List.of("2", "1"),
                    versionNumbers(site, "renamed-model"),
                    "the history of the old file comes along");
            Document old = page(site, "models/" + ID + "/");
            assertEquals(
                    "0; url=/models/renamed-model/",
                    old.selectFirst("meta[http-equiv=refresh]").attr("content"));
            assertEquals("/models/renamed-model/", old.selectFirst("main a").attr("href"));
            Document oldVersion = page(site, "models/" + ID + "/v/1/");
            assertEquals(
                    "0; url=/models/renamed-model/v/1/",
                    oldVersion.selectFirst("meta[http-equiv=refresh]").attr("content"));
            Document v1 = page(site, "models/renamed-model/v/1/");
            assertNotNull(v1.selectFirst("section.version-past"));
            assertEquals(
                    "/models/renamed-model/",
                    v1.selectFirst("section.version-past a").attr("href"),
                    "version 1, from before the rename, is shown under the id it has now");
            String sitemap = Files.readString(site.resolve("sitemap.xml"));
            assertFalse(sitemap.contains("/v/"), "versions are not listed for crawlers");
            assertFalse(sitemap.contains("/models/" + ID + "/"), "nor old addresses");
        }
    }

    @Test
    void anUncommittedEditIsCitedAsNoVersion(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/" + ID + ".yaml");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            Files.writeString(
                    record,
                    read(record)
                            .replace(
                                    "translation: Developed with our own data",
                                    "translation: Developed with our data"));
            Path site = build(root, "site");
            Document live = page(site, "models/" + ID + "/");
            assertTrue(
                    live.select("section[aria-labelledby=cite]")
                            .text()
                            .contains("names no version"),
                    live.select("section[aria-labelledby=cite]").text());
            assertTrue(Files.exists(site.resolve("models/" + ID + "/v/1/index.html")));
            assertTrue(
                    page(site, "models/" + ID + "/v/1/")
                            .selectFirst("section.version-past")
                            .text()
                            .contains("The record has changed since."));
        }
    }

    @Test
    void aVersionTodaysFormCannotReadIsListedWithoutAPageAndAWarningSaysSo(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/" + ID + ".yaml");
        String today = read(record);
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            // A form no schema ever had, so no upgrade step knows it.
            Files.writeString(record, today + "obsolete_field: kept\n");
            TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            Files.writeString(record, today);
            TestRegistries.commit(git, "today's form", "2026-11-30T10:00:00Z");
            RegistryBuild.Result built =
                    new RegistryBuild(TestRegistries.options(root))
                            .build(new RegistryBuild.Output(root.resolve("site"), "/", "", false));
            assertFalse(built.findings().hasErrors(), built.findings().sorted().toString());
            List<String> warnings =
                    built.findings().sorted().stream()
                            .filter(f -> f.check().code().equals("HIST-002"))
                            .map(f -> f.file() + ": " + f.message())
                            .toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(
                    warnings.get(0).startsWith("data/models/" + ID + ".yaml: version 1 (commit "));
            Path site = root.resolve("site");
            assertFalse(Files.exists(site.resolve("models/" + ID + "/v/1/index.html")));
            assertEquals(List.of("2", "1"), versionNumbers(site), "its number stays taken");
            assertTrue(
                    page(site, "models/" + ID + "/")
                            .select("ol.history li[value=1] a[href^=/models]")
                            .isEmpty(),
                    "no link to a page that is not there");
        }
    }

    /**
     * Every version of every record in this repository can still be shown: each past form of the
     * schema is read as today's ({@link RecordUpgrade}), so no citation leads to a missing page.
     */
    @Test
    void everyVersionOfEveryRealRecordHasAPage() {
        RegistryBuild build = TestRegistries.realBuild();
        RegistryBuild.Checked checked = build.check();
        RecordVersions versions = build.versions(checked);
        List<String> without = new java.util.ArrayList<>();
        int count = 0;
        for (Loaded<org.keizu.model.Model> loaded : checked.registry().models()) {
            String id = loaded.record().id();
            RecordVersions.Versions of = versions.of(id);
            assertTrue(of.current().isPresent(), id + ": the committed record is its last version");
            for (RecordVersions.Version v : of.all()) {
                count++;
                if (v.loaded().isEmpty()) {
                    without.add(id + " v" + v.number() + " (" + v.revision().shortCommit() + ")");
                }
            }
        }
        assertTrue(count > checked.registry().models().size(), "some records have changed");
        assertEquals(List.of(), without);
    }

    private static Path build(Path root, String out) throws Exception {
        RegistryBuild.Result built =
                new RegistryBuild(TestRegistries.options(root))
                        .build(new RegistryBuild.Output(root.resolve(out), "/", "", false));
        assertFalse(built.findings().hasErrors(), built.findings().sorted().toString());
        return root.resolve(out);
    }

    /** The version numbers the record's page lists, newest first. */
    private static List<String> versionNumbers(Path site) throws Exception {
        return versionNumbers(site, ID);
    }

    private static List<String> versionNumbers(Path site, String id) throws Exception {
        return page(site, "models/" + id + "/").select("ol.history li").eachAttr("value");
    }

    private static Document page(Path site, String path) throws Exception {
        return Jsoup.parse(site.resolve(path + "index.html").toFile(), "UTF-8");
    }

    private static Feed feed(Path site) throws Exception {
        try (Reader in =
                Files.newBufferedReader(
                        site.resolve("feeds/registry.atom"), StandardCharsets.UTF_8)) {
            return (Feed) new WireFeedInput().build(in);
        }
    }

    private static Entry entryFor(Feed feed, String path) {
        return feed.getEntries().stream()
                .filter(e -> e.getAlternateLinks().get(0).getHref().endsWith(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no feed entry links " + path));
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
