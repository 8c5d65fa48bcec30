package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.load.Loaded;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordVersions;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.render.MachineMetadata;
import org.keizu.render.SitePaths;

/**
 * What machines read, read back by real consumers: every Atom feed parsed by Rome (unique ids,
 * dates, absolute links), the JSON-LD of every page parsed as JSON with the expected types and
 * PROV-O only for weight derivations at E2 or more, the sitemap's {@code lastmod} from the records'
 * history, Open Graph and Twitter tags, and the share images (PNG, fixed size, no metadata, the
 * same bytes twice).
 */
class MachineReadableTest {
    private static final String ORIGIN = "https://example.org";
    @TempDir static Path root;
    static Path site;
    static RegistryBuild.Checked checked;

    @BeforeAll
    static void build() throws IOException {
        site = root.resolve("site");
        TestRegistries.buildReal(site, "/keizu/", ORIGIN, false);
        checked = TestRegistries.checkReal();
    }

    private static List<Path> feeds() throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("feeds"))) {
            return files.sorted().toList();
        }
    }

    private static Feed parse(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Feed) new WireFeedInput().build(in);
        }
    }

    @Test
    void everyFeedIsAtomWithUniqueIdsDatesAndAbsoluteLinks() throws Exception {
        List<Path> files = feeds();
        // the registry's feed and one per country
        assertEquals(checked.registry().countries().size() + 1, files.size());
        Set<String> feedIds = new HashSet<>();
        for (Path file : files) {
            Feed feed = parse(file);
            assertEquals("atom_1.0", feed.getFeedType(), file.toString());
            assertTrue(feedIds.add(feed.getId()), "feed id repeated: " + feed.getId());
            assertNotNull(feed.getUpdated(), file.toString());
            assertFalse(feed.getAuthors().isEmpty(), file.toString());
            List<Link> links = new ArrayList<>(feed.getAlternateLinks());
            links.addAll(feed.getOtherLinks());
            assertTrue(
                    feed.getOtherLinks().stream()
                            .anyMatch(
                                    l ->
                                            "self".equals(l.getRel())
                                                    && l.getHref()
                                                            .equals(
                                                                    ORIGIN
                                                                            + "/keizu/"
                                                                            + site.relativize(file)
                                                                                    .toString()
                                                                                    .replace(
                                                                                            '\\',
                                                                                            '/'))),
                    file + ": self link");
            Set<String> ids = new HashSet<>();
            for (Entry entry : feed.getEntries()) {
                assertTrue(ids.add(entry.getId()), file + ": entry id repeated " + entry.getId());
                assertTrue(entry.getId().startsWith("urn:uuid:"), entry.getId());
                assertNotNull(entry.getUpdated(), entry.getId());
                assertFalse(entry.getUpdated().after(feed.getUpdated()), entry.getId());
                assertFalse(entry.getTitle().isBlank(), entry.getId());
                links.addAll(entry.getAlternateLinks());
            }
            for (Link link : links) {
                assertTrue(link.getHref().startsWith(ORIGIN + "/keizu/"), link.getHref());
            }
        }
        Feed registry = parse(site.resolve(SitePaths.REGISTRY_FEED));
        // every record is announced at least once, and every correction it lists
        long corrections =
                checked.registry().models().stream()
                        .mapToLong(l -> l.record().corrections().size())
                        .sum();
        assertTrue(
                registry.getEntries().size() >= checked.registry().models().size() + corrections);
    }

    @Test
    void pagesLinkTheirFeedsAndTheOpenDataPage() throws IOException {
        Document home = page("index.html");
        // Pages link their feeds by path: no page names another host, not even its own origin.
        assertEquals(
                "/keizu/" + SitePaths.REGISTRY_FEED,
                home.select("link[rel=alternate][type=application/atom+xml]").attr("href"));
        Document model = page("models/rakuten-ai-3.0/index.html");
        assertTrue(
                model.select("link[rel=alternate][type=application/atom+xml]")
                        .eachAttr("href")
                        .contains("/keizu/" + SitePaths.countryFeed("JP")));
        for (String p : List.of("index.html", "models/rakuten-ai-3.0/index.html", "404.html")) {
            assertEquals(
                    "/keizu/open-data/",
                    page(p).select("footer a[href$=open-data/]").attr("href"),
                    p);
        }
        assertTrue(Files.exists(site.resolve("open-data/index.html")));
    }

    @Test
    void openGraphAndTwitterCards() throws IOException {
        Document model = page("models/rakuten-ai-3.0/index.html");
        assertEquals("Keizu", meta(model, "og:site_name"));
        assertEquals("article", meta(model, "og:type"));
        assertEquals(ORIGIN + "/keizu/models/rakuten-ai-3.0/", meta(model, "og:url"));
        assertEquals(ORIGIN + "/keizu/models/rakuten-ai-3.0/share.png", meta(model, "og:image"));
        assertEquals(
                "summary_large_image", model.select("meta[name=twitter:card]").attr("content"));
        assertEquals("website", meta(page("index.html"), "og:type"));
    }

    @Test
    void jsonLdIsJsonWithTheExpectedTypes() throws IOException {
        JsonNode home = jsonLd(page("index.html"));
        assertEquals("Dataset", home.get("@type").asText());
        assertEquals(ORIGIN + "/keizu/", home.get("url").asText());
        assertEquals(2, home.get("distribution").size());
        for (Loaded<Model> loaded : checked.registry().models()) {
            Model model = loaded.record();
            JsonNode ld = jsonLd(page("models/" + model.id() + "/index.html"));
            assertEquals("CreativeWork", ld.get("@type").asText(), model.id());
            JsonNode about = ld.get("about");
            assertEquals(model.name(), about.get("name").asText());
            Set<String> stated = new HashSet<>();
            if (about.has("prov:wasDerivedFrom")) {
                about.get("prov:wasDerivedFrom").forEach(b -> stated.add(b.get("name").asText()));
            }
            Set<String> expected = new HashSet<>();
            for (LineageLink link : model.lineage()) {
                if (link.relation().derivesWeights() && link.grade().atLeast(Grade.E2)) {
                    expected.add(
                            checked.registry()
                                    .model(link.base())
                                    .map(Model::name)
                                    .orElse(link.base()));
                }
            }
            assertEquals(expected, stated, model.id());
        }
    }

    @Test
    void jsonLdCannotCloseItsScriptElement() throws IOException {
        for (String p : List.of("index.html", "models/rakuten-ai-3.0/index.html")) {
            String html = Files.readString(site.resolve(p));
            Matcher m =
                    Pattern.compile(
                                    "<script type=\"application/ld\\+json\">(.*?)</script>",
                                    Pattern.DOTALL)
                            .matcher(html);
            assertTrue(m.find());
            assertFalse(m.group(1).contains("<"), p);
            assertFalse(m.group(1).contains("&"), p);
        }
    }

    @Test
    void sitemapDatesEveryPageFromHistory() throws IOException {
        String xml = Files.readString(site.resolve(SitePaths.SITEMAP));
        Document doc = Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser());
        assertFalse(doc.select("url").isEmpty());
        for (var url : doc.select("url")) {
            assertTrue(
                    url.selectFirst("lastmod").text().matches("\\d{4}-\\d{2}-\\d{2}"),
                    url.toString());
        }
        RecordVersions versions = TestRegistries.realBuild().versions(checked);
        for (Loaded<Model> loaded : checked.registry().models()) {
            String expected =
                    versions.of(loaded.record().id())
                            .latest()
                            .map(RecordVersions.Version::date)
                            .orElse(checked.datasetDate());
            String loc = ORIGIN + "/keizu/models/" + loaded.record().id() + "/";
            assertEquals(
                    expected,
                    doc.select("url:has(loc:containsOwn(" + loc + "))").stream()
                            .filter(u -> u.selectFirst("loc").text().equals(loc))
                            .findFirst()
                            .orElseThrow()
                            .selectFirst("lastmod")
                            .text(),
                    loc);
        }
    }

    @Test
    void shareImagesArePlainPngsOfFixedSizeAndTheSameBytesTwice() throws IOException {
        byte[] png = Files.readAllBytes(site.resolve("models/rakuten-ai-3.0/share.png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ShareImage.WIDTH, image.getWidth());
        assertEquals(ShareImage.HEIGHT, image.getHeight());
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(png));
        MachineMetadata.ShareCard card =
                new MachineMetadata.ShareCard(
                        "claim-refuted",
                        "Claim refuted",
                        "A model with a very long name that does not fit on one line of the card at all",
                        "Evidence points to: 某モデル",
                        "alt");
        assertTrue(
                java.util.Arrays.equals(
                        ShareImage.model(card, "Keizu"), ShareImage.model(card, "Keizu")));
        assertTrue(Files.exists(site.resolve(SitePaths.SITE_SHARE_IMAGE)));
    }

    /** The distinct chunk types of a PNG, in order. */
    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < png.length) {
            int length =
                    ((png[at] & 0xff) << 24)
                            | ((png[at + 1] & 0xff) << 16)
                            | ((png[at + 2] & 0xff) << 8)
                            | (png[at + 3] & 0xff);
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (types.isEmpty() || !types.get(types.size() - 1).equals(type)) {
                types.add(type);
            }
            at += 12 + length;
        }
        return types;
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    private static String meta(Document doc, String property) {
        return doc.select("meta[property=" + property + "]").attr("content");
    }

    private static JsonNode jsonLd(Document doc) throws IOException {
        return RecordMapper.plainJson()
                .readTree(doc.selectFirst("script[type=application/ld+json]").data());
    }
}
