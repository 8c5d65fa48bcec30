package org.keizu.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.render.Language;

/**
 * The index the build writes, read back as the search script reads it, against the pages it came
 * from: every word of every indexed page is found in its file with its weight, every filter value
 * lists its pages, and the same site gives the same bytes.
 */
class SearchIndexTest {
    @TempDir static Path root;
    private static Path site;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void build() throws IOException {
        site = root.resolve("site");
        TestRegistries.buildReal(site, "/", "", true);
    }

    private static JsonNode read(String path) throws IOException {
        return JSON.readTree(site.resolve(path).toFile());
    }

    @Test
    void everyWordOfEveryPageIsInItsFileWithItsWeight() throws IOException {
        for (Language language : List.of(Language.EN, Language.JA, Language.KO)) {
            String folder = SearchIndex.folder(language);
            JsonNode meta = read(folder + "meta.json");
            int pages = meta.get("pages").asInt();
            int wordFiles = meta.get("wordFiles").asInt();
            assertEquals(SearchIndex.wordFiles(pages), wordFiles);
            // What each page should give: its words' weights, worked out from the page itself.
            List<Map<String, Integer>> expected = new ArrayList<>();
            for (int id = 0; id < pages; id++) {
                JsonNode page =
                        read(folder + "p/" + id / SearchIndex.PAGES_PER_FILE + ".json")
                                .get(id % SearchIndex.PAGES_PER_FILE);
                String address = page.get("url").asText();
                assertTrue(
                        address.startsWith(language.folder()),
                        language + " holds its own pages: " + address);
                PageText.Page read =
                        PageText.read(Files.readString(site.resolve(address + "index.html")))
                                .orElseThrow();
                assertEquals(read.content(), page.get("content").asText(), address);
                assertEquals(read.title(), page.get("title").asText(), address);
                Map<String, Integer> weights = new HashMap<>();
                SearchTokens.forEach(read.content(), w -> weights.merge(w, 1, Integer::sum));
                SearchTokens.forEach(
                        read.title(),
                        w -> weights.merge(w, SearchIndex.TITLE_WEIGHT, Integer::sum));
                weights.replaceAll((w, n) -> Math.min(255, n));
                expected.add(weights);
            }
            // What the word files hold, page by page.
            List<Map<String, Integer>> found = new ArrayList<>();
            for (int id = 0; id < pages; id++) {
                found.add(new HashMap<>());
            }
            for (int file = 0; file < wordFiles; file++) {
                JsonNode words = read(folder + "w/" + file + ".json");
                for (var word : words.properties()) {
                    assertEquals(
                            file,
                            SearchTokens.bucket(SearchTokens.key(word.getKey()), wordFiles),
                            "a word in the file its key names: " + word.getKey());
                    JsonNode postings = word.getValue();
                    int page = 0;
                    for (int i = 0; i < postings.size(); i += 2) {
                        assertTrue(i == 0 || postings.get(i).asInt() > 0, "pages in order");
                        page += postings.get(i).asInt();
                        found.get(page).put(word.getKey(), postings.get(i + 1).asInt());
                    }
                }
            }
            assertEquals(expected, found, language.code());
            assertTrue(
                    found.stream().anyMatch(w -> w.containsKey("楽天")),
                    "the Japanese name is found in " + language);
        }
    }

    @Test
    void eachFilterValueListsThePagesThatCarryIt() throws IOException {
        JsonNode meta = read("search-index/en/meta.json");
        JsonNode countries = meta.get("filters").get("country");
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        int pages = meta.get("pages").asInt();
        for (int id = 0; id < pages; id++) {
            String address =
                    read("search-index/en/p/" + id / SearchIndex.PAGES_PER_FILE + ".json")
                            .get(id % SearchIndex.PAGES_PER_FILE)
                            .get("url")
                            .asText();
            PageText.Page page =
                    PageText.read(Files.readString(site.resolve(address + "index.html")))
                            .orElseThrow();
            for (String country : page.filters().getOrDefault("country", List.of())) {
                expected.computeIfAbsent(country, k -> new TreeSet<>()).add(id);
            }
        }
        JsonNode values = countries.get("values");
        assertEquals(expected.size(), values.size());
        int n = 0;
        for (Map.Entry<String, TreeSet<Integer>> country : expected.entrySet()) {
            JsonNode value = values.get(n);
            assertEquals(country.getKey(), value.get(0).asText());
            assertEquals(country.getValue().size(), value.get(1).asInt());
            JsonNode listed =
                    read("search-index/en/" + countries.get("folder").asText() + n + ".json");
            TreeSet<Integer> ids = new TreeSet<>();
            int page = 0;
            for (JsonNode difference : listed) {
                page += difference.asInt();
                ids.add(page);
            }
            assertEquals(country.getValue(), ids, country.getKey());
            n++;
        }
        assertTrue(expected.containsKey("Japan") && expected.containsKey("South Korea"));
    }

    @Test
    void theSameSiteGivesTheSameIndexAndItsFingerprintFollowsTheFiles() throws IOException {
        Path again = root.resolve("again");
        TestRegistries.buildReal(again, "/", "", true);
        Map<String, byte[]> first = TestRegistries.snapshot(site.resolve("search-index"));
        Map<String, byte[]> second = TestRegistries.snapshot(again.resolve("search-index"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
        assertTrue(
                first.keySet().stream().anyMatch(n -> n.contains("ko")), first.keySet().toString());
    }

    @Test
    void aLanguageWhosePagesComeBackAfterItsIndexIsRefused() throws IOException {
        Map<String, byte[]> written = new TreeMap<>();
        SearchIndex index = new SearchIndex((path, bytes) -> written.put(path, bytes));
        byte[] page = "<main data-search-body><h1>A</h1></main>".getBytes(StandardCharsets.UTF_8);
        index.offer("models/a/index.html", page);
        index.offer("ja/models/a/index.html", page);
        // Indexed on a thread of its own: the mistake is reported by the next call, here finish.
        assertThrows(
                IllegalStateException.class,
                () -> {
                    index.offer("models/b/index.html", page);
                    index.finish();
                });
        assertTrue(written.containsKey("search-index/en/meta.json"), written.keySet().toString());
    }

    @Test
    void titleWordsWeighMoreAndFilesAreNotPages() throws IOException {
        Map<String, byte[]> written = new TreeMap<>();
        SearchIndex index = new SearchIndex(written::put);
        index.offer(
                "models/a/index.html",
                "<main data-search-body><h1>Qwen</h1><p>qwen qwen</p></main>"
                        .getBytes(StandardCharsets.UTF_8));
        index.offer("models/a/cite.txt", "data-search-body".getBytes(StandardCharsets.UTF_8));
        index.offer(
                "about/index.html", "<main><h1>No</h1></main>".getBytes(StandardCharsets.UTF_8));
        index.finish();
        JsonNode meta = JSON.readTree(written.get("search-index/en/meta.json"));
        assertEquals(1, meta.get("pages").asInt());
        JsonNode words = JSON.readTree(written.get("search-index/en/w/0.json"));
        // Three times on the page (the heading is text too), and ten more for the title.
        assertEquals("[0,13]", words.get("qwen").toString());
        assertEquals(
                "models/a/",
                JSON.readTree(written.get("search-index/en/p/0.json")).get(0).get("url").asText());
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheIndex() {
        SearchIndex index =
                new SearchIndex(
                        (path, bytes) -> {
                            throw new IOException("disk full: " + path);
                        });
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> {
                            for (int i = 0; i < 3; i++) {
                                index.offer(
                                        "models/m" + i + "/index.html",
                                        "<main data-search-body><h1>M</h1></main>"
                                                .getBytes(StandardCharsets.UTF_8));
                            }
                            index.finish();
                        });
        assertTrue(e.getMessage().startsWith("disk full: search-index/en/"), e.getMessage());
        index.close();
    }

    @Test
    void wordFilesGrowWithThePagesInPowersOfTwo() {
        assertEquals(1, SearchIndex.wordFiles(0));
        assertEquals(1, SearchIndex.wordFiles(32));
        assertEquals(2, SearchIndex.wordFiles(33));
        assertEquals(512, SearchIndex.wordFiles(16_000));
        assertEquals(SearchIndex.MOST_WORD_FILES, SearchIndex.wordFiles(10_000_000));
    }
}
