package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.load.RecordVersions;
import org.keizu.render.CitationFormats.Format;

/**
 * Every citation format read back by a real consumer: BibTeX and biblatex by jbibtex, CSL-JSON by
 * citeproc-java, RIS by a strict parser; the page shows what the files give; a record edited in a
 * repository gets a new version and a new citation in every format.
 */
class CitationFormatsTest {
    private static final String PLACEHOLDER = "[accessed: date]";

    private static final CitationItem RAKUTEN =
            new CitationItem(
                    "keizu-rakuten-ai-3-0",
                    "dataset",
                    "Rakuten AI 3.0: claimed and detected lineage",
                    "Keizu contributors",
                    "Keizu",
                    "https://keizu.example/models/rakuten-ai-3.0/",
                    "2026-11-30",
                    "4");

    @Test
    void anItemRenderedBeforeIsNotRenderedAgainAndADifferentOneIs() {
        Map<Format, String> first = new CitationFormats(PLACEHOLDER).all(RAKUTEN);
        assertTrue(
                first == new CitationFormats(PLACEHOLDER).all(RAKUTEN),
                "the texts of an item rendered before are reused, not made again");
        CitationItem next =
                new CitationItem(
                        RAKUTEN.key(),
                        RAKUTEN.type(),
                        RAKUTEN.title(),
                        RAKUTEN.author(),
                        RAKUTEN.publisher(),
                        RAKUTEN.url(),
                        RAKUTEN.issued(),
                        "5");
        Map<Format, String> other = new CitationFormats(PLACEHOLDER).all(next);
        assertTrue(other.get(Format.APA).contains("5"), other.get(Format.APA));
        assertNotEquals(first.get(Format.APA), other.get(Format.APA));
        assertNotEquals(
                first.get(Format.RIS), new CitationFormats("[other]").all(RAKUTEN).get(Format.RIS));
    }

    @Test
    void bibtexAndBiblatexParseWithTitlesBraceProtected() throws Exception {
        CitationFormats formats = new CitationFormats(PLACEHOLDER);
        for (String bib : List.of(formats.bibtex(RAKUTEN), formats.biblatex(RAKUTEN))) {
            BibTeXEntry entry = bibtexEntry(bib);
            assertEquals("{Rakuten AI 3.0: claimed and detected lineage}", field(entry, "title"));
            assertEquals("{Keizu contributors}", field(entry, "author"), "one name, not a person");
            assertEquals("4", field(entry, "version"));
            assertEquals(PLACEHOLDER, field(entry, "urldate"));
            assertEquals("https://keizu.example/models/rakuten-ai-3.0/", field(entry, "url"));
            assertEquals("Keizu", field(entry, "organization"));
            assertEquals("Keizu", field(entry, "publisher"));
        }
        assertEquals("misc", bibtexEntry(formats.bibtex(RAKUTEN)).getType().getValue());
        assertEquals("online", bibtexEntry(formats.biblatex(RAKUTEN)).getType().getValue());
    }

    @Test
    void cslJsonRendersWithCiteprocInBothStyles() throws Exception {
        String json = new CitationFormats(PLACEHOLDER).cslJson(RAKUTEN);
        List<Map<String, Object>> items =
                new ObjectMapper().readValue(json, new TypeReference<>() {});
        assertEquals(1, items.size());
        CSLItemData item = CSLItemData.fromJson(items.get(0));
        assertEquals("dataset", item.getType().toString());
        assertEquals("Keizu contributors", item.getAuthor()[0].getLiteral());
        assertEquals(null, item.getAuthor()[0].getFamily(), "no family/given split");
        assertEquals("4", item.getVersion());
        String apaStyle;
        try (var in = CitationFormats.class.getResourceAsStream("csl/apa.csl")) {
            apaStyle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CSL csl = new CSL(new ListItemDataProvider(item), apaStyle);
        csl.setOutputFormat("text");
        csl.registerCitationItems(item.getId());
        String apa = csl.makeBibliography().getEntries()[0].strip();
        assertTrue(apa.contains("Rakuten AI 3.0"), apa);
        assertTrue(apa.contains("(Version 4)"), apa);
        Map<Format, String> all = new CitationFormats(PLACEHOLDER).all(RAKUTEN);
        assertEquals(
                "Keizu contributors. (2026). Rakuten AI 3.0: claimed and detected lineage (Version"
                        + " 4) [Dataset]. Keizu. https://keizu.example/models/rakuten-ai-3.0/",
                all.get(Format.APA).strip());
        assertEquals(
                "Keizu contributors. “Rakuten AI 3.0: Claimed and Detected Lineage.” Version 4."
                        + " Keizu, November 30, 2026."
                        + " https://keizu.example/models/rakuten-ai-3.0/.",
                all.get(Format.CHICAGO).strip());
    }

    @Test
    void risParsesStrictly() {
        Map<String, List<String>> ris = ris(new CitationFormats(PLACEHOLDER).ris(RAKUTEN));
        assertEquals(List.of("ELEC"), ris.get("TY"));
        assertEquals(List.of("Keizu contributors,"), ris.get("AU"), "a name with no given name");
        assertEquals(List.of("Rakuten AI 3.0: claimed and detected lineage"), ris.get("TI"));
        assertEquals(List.of("4"), ris.get("ET"));
        assertEquals(List.of("2026/11/30"), ris.get("DA"));
        assertEquals(List.of(PLACEHOLDER), ris.get("Y2"));
        assertEquals(List.of("https://keizu.example/models/rakuten-ai-3.0/"), ris.get("UR"));
    }

    @Test
    void anEditedRecordIsCitedAsANewVersionInEveryFormat(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path national = data.resolve("models/national-model.yaml");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            Map<Format, String> before = build(root, "first");
            // A quote edited without a new review date, on the same day: a new version all the
            // same.
            Files.writeString(
                    national,
                    Files.readString(national)
                            .replace(
                                    "translation: Developed with our own data",
                                    "translation: Developed with our own data only"));
            TestRegistries.commit(git, "reword a claim", "2026-11-29T18:00:00Z");
            Map<Format, String> after = build(root, "second");
            for (Format format : Format.values()) {
                assertNotEquals(before.get(format), after.get(format), format.key);
            }
            assertEquals("1", field(bibtexEntry(before.get(Format.BIBTEX)), "version"));
            assertEquals("2", field(bibtexEntry(after.get(Format.BIBTEX)), "version"));
            assertEquals(List.of("2"), ris(after.get(Format.RIS)).get("ET"));
            assertTrue(after.get(Format.APA).contains("(Version 2)"), after.get(Format.APA));
            assertTrue(
                    after.get(Format.APA).contains("/models/national-model/v/2/"),
                    "the citation gives the version's own address: " + after.get(Format.APA));
            assertTrue(
                    before.get(Format.APA).contains("/models/national-model/v/1/"),
                    before.get(Format.APA));
        }
    }

    @Test
    void withoutHistoryTheCitationNamesNoVersionAndSaysSo(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Map<Format, String> formats = build(root, "site");
        assertFalse(formats.get(Format.BIBTEX).contains("version"));
        assertFalse(ris(formats.get(Format.RIS)).containsKey("ET"));
        Document page = Jsoup.parse(root.resolve("site/models/national-model/index.html").toFile());
        assertTrue(
                page.select("section[aria-labelledby=cite] p").text().contains("names no version"));
        for (String id : List.of("national-model", "base-model")) {
            Document other =
                    Jsoup.parse(root.resolve("site/models/" + id + "/index.html").toFile());
            assertEquals(
                    !other.select("#corrections").isEmpty(),
                    other.select("section[aria-labelledby=cite]").text().contains("listed above"),
                    id + ": the cite box mentions corrections only where there are some");
        }
    }

    /**
     * The real record of Rakuten AI 3.0, from this repository's history: cited at its current
     * version, at that version's own address, in every format its consumers read.
     */
    @Test
    void rakutenAi3IsCitedAtItsCurrentVersionInEveryFormat(@TempDir Path root) throws Exception {
        String origin = "https://keizu.example";
        TestRegistries.buildReal(root, "/keizu/", origin, false);
        RecordVersions.Versions versions =
                TestRegistries.realBuild()
                        .versions(TestRegistries.checkReal())
                        .of("rakuten-ai-3.0");
        RecordVersions.Version current = versions.current().orElseThrow();
        String number = Integer.toString(current.number());
        String address = origin + "/keizu/models/rakuten-ai-3.0/v/" + number + "/";
        Document page = Jsoup.parse(root.resolve("models/rakuten-ai-3.0/index.html").toFile());
        assertEquals(address, page.selectFirst("section[aria-labelledby=cite] p a").attr("href"));
        Path files = root.resolve("models/rakuten-ai-3.0/v/" + number);
        for (Format format : List.of(Format.BIBTEX, Format.BIBLATEX)) {
            BibTeXEntry entry = bibtexEntry(Files.readString(files.resolve(format.file)));
            assertEquals(number, field(entry, "version"), format.key);
            assertEquals(address, field(entry, "url"), format.key);
        }
        Map<String, List<String>> ris = ris(Files.readString(files.resolve(Format.RIS.file)));
        assertEquals(List.of(number), ris.get("ET"));
        assertEquals(List.of(address), ris.get("UR"));
        CSLItemData item =
                CSLItemData.fromJson(
                        new ObjectMapper()
                                .readValue(
                                        Files.readString(files.resolve(Format.CSL_JSON.file)),
                                        new TypeReference<List<Map<String, Object>>>() {})
                                .get(0));
        assertEquals(number, item.getVersion());
        assertTrue(
                Files.readString(files.resolve(Format.APA.file))
                        .contains("(Version " + number + ")"));
        assertTrue(
                Files.readString(files.resolve(Format.CHICAGO.file))
                        .contains("Version " + number + "."));
        if (current.number() > 1) {
            // An earlier version is still there to be cited, and names itself.
            Path earlier = root.resolve("models/rakuten-ai-3.0/v/1");
            assertEquals(
                    "1",
                    field(bibtexEntry(Files.readString(earlier.resolve("cite.bib"))), "version"));
        }
    }

    @Test
    void theCitePageShowsTheRegistrysCitationInTheSameBoxAsEvidencePages(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        Files.createDirectories(data.resolve("pages"));
        Files.copy(
                TestRegistries.REAL_DATA.resolve("pages/cite.md"), data.resolve("pages/cite.md"));
        build(root, "site");
        Path site = root.resolve("site");
        Document cite = Jsoup.parse(site.resolve("cite/index.html").toFile());
        Element box = cite.selectFirst(".cite-formats[data-accessed]");
        assertNotNull(box, "the box cite.js fills in and adds copy buttons to");
        for (Format format : Format.values()) {
            Element pre = box.selectFirst("pre[data-format=" + format.key + "]");
            String href = box.selectFirst("a[data-format=" + format.key + "]").attr("href");
            assertEquals(Files.readString(site.resolve(href.substring(1))), pre.wholeText());
        }
        assertTrue(box.selectFirst("script[src]").attr("src").contains("/assets/cite."));
        assertFalse(cite.text().contains("{{registry-citation}}"));
    }

    @Test
    void citationCffIsValid() throws Exception {
        Map<String, Object> cff =
                new YAMLMapper()
                        .readValue(
                                TestRegistries.REPO.resolve("CITATION.cff").toFile(),
                                new TypeReference<Map<String, Object>>() {});
        assertEquals("1.2.0", cff.get("cff-version"));
        for (String key : List.of("message", "title", "authors")) {
            assertTrue(cff.containsKey(key), key);
        }
        List<?> authors = (List<?>) cff.get("authors");
        assertFalse(authors.isEmpty());
        for (Object author : authors) {
            Map<?, ?> a = (Map<?, ?>) author;
            assertTrue(a.containsKey("name") || a.containsKey("family-names"), a.toString());
        }
    }

    /** Builds the site and returns national-model's formats, checking the page shows each. */
    private static Map<Format, String> build(Path root, String out) throws Exception {
        RegistryBuild.Result built =
                new RegistryBuild(TestRegistries.options(root))
                        .build(new RegistryBuild.Output(root.resolve(out), "/", "", false));
        assertFalse(built.findings().hasErrors(), built.findings().sorted().toString());
        Path site = root.resolve(out);
        Document page = Jsoup.parse(site.resolve("models/national-model/index.html").toFile());
        // The files lie beside the cited page: the version's own address when there is one.
        String cited = page.selectFirst("section[aria-labelledby=cite] p a").attr("href");
        Map<Format, String> formats = new LinkedHashMap<>();
        for (Format format : Format.values()) {
            String href = page.selectFirst("a[data-format=" + format.key + "]").attr("href");
            assertEquals(cited + format.file, href);
            String text = Files.readString(site.resolve(href.substring(1)));
            formats.put(format, text);
            assertEquals(
                    text,
                    page.selectFirst("pre[data-format=" + format.key + "]").wholeText(),
                    format.key + ": the page shows what the file gives");
        }
        bibtexEntry(formats.get(Format.BIBTEX));
        bibtexEntry(formats.get(Format.BIBLATEX));
        ris(formats.get(Format.RIS));
        CSLItemData.fromJson(
                new ObjectMapper()
                        .readValue(
                                formats.get(Format.CSL_JSON),
                                new TypeReference<List<Map<String, Object>>>() {})
                        .get(0));
        return formats;
    }

    private static BibTeXEntry bibtexEntry(String bib) throws Exception {
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(1, db.getEntries().size(), bib);
        return db.getEntries().values().iterator().next();
    }

    private static String field(BibTeXEntry entry, String name) {
        var value = entry.getField(new Key(name));
        return value == null ? null : value.toUserString();
    }

    /** A strict RIS reader: "XX - value" lines only, TY first, ER last, one record. */
    private static Map<String, List<String>> ris(String text) {
        Pattern line = Pattern.compile("([A-Z][A-Z0-9])  - (.*)");
        Map<String, List<String>> tags = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        assertEquals("", lines[lines.length - 1], "ends with a newline");
        for (int i = 0; i < lines.length - 1; i++) {
            Matcher m = line.matcher(lines[i]);
            assertTrue(m.matches() || lines[i].equals("ER  - "), "not RIS: " + lines[i]);
            if (i == 0) {
                assertEquals("TY", m.group(1));
            }
            if (lines[i].startsWith("ER")) {
                assertEquals(lines.length - 2, i, "ER ends the one record");
                continue;
            }
            tags.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(m.group(2));
        }
        assertTrue(text.endsWith("ER  - \n"));
        return tags;
    }
}
