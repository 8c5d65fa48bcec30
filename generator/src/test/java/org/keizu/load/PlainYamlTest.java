package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.TestRegistries;
import org.keizu.bench.SyntheticSites;

/**
 * {@link PlainYaml} against SnakeYAML: wherever the plain reader reads a file, the parser must give
 * exactly what it gives when SnakeYAML reads it (the same tree, the same position for every value
 * and key, the same findings), on every record of the registry, on synthetic records, on the test
 * fixtures and on thousands of mutated records; and the plain reader must read most real records,
 * or it saves nothing.
 */
class PlainYamlTest {
    private static boolean agrees(String name, String text) {
        return PlainYamlOracle.agrees(name, text);
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Path> realRecords() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String kind : List.of("models", "organisations", "programmes")) {
            files.addAll(yamlFiles(TestRegistries.REAL_DATA.resolve(kind)));
        }
        return files;
    }

    @Test
    void readsNearlyEveryRealRecordAsSnakeYamlDoes() throws IOException {
        List<Path> files = realRecords();
        List<String> declined = new ArrayList<>();
        for (Path file : files) {
            if (!agrees(file.toString(), Files.readString(file))) {
                declined.add(file.getFileName().toString());
            }
        }
        assertTrue(files.size() > 100, "the registry's records: " + files.size());
        assertTrue(
                declined.size() * 10 < files.size(),
                "PlainYaml declined " + declined.size() + " of " + files.size() + ": " + declined);
    }

    @Test
    void readWithoutPositionsGivesTheSameTreeAndNoPositions() throws IOException {
        int read = 0;
        for (Path file : realRecords()) {
            String text = Files.readString(file);
            var with = PlainYaml.read(text, true);
            var without = PlainYaml.read(text, false);
            assertEquals(with.isPresent(), without.isPresent(), file.toString());
            if (with.isPresent()) {
                assertEquals(with.get().tree(), without.get().tree(), file.toString());
                assertTrue(with.get().positions() != null, file.toString());
                assertNull(without.get().positions(), file.toString());
                read++;
            }
        }
        assertTrue(read > 100, "records read: " + read);
    }

    @Test
    void readsEverySyntheticRecordAsSnakeYamlDoes(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        TestRegistries.copyTree(TestRegistries.REAL_DATA, data);
        List<String> ids = SyntheticSites.addModels(data, 300);
        int read = 0;
        for (String id : ids) {
            Path file = data.resolve("models/" + id + ".yaml");
            read += agrees(file.toString(), Files.readString(file)) ? 1 : 0;
        }
        // Synthetic names include words such as "No" in other scripts; nearly all must be read.
        assertTrue(read * 10 >= ids.size() * 9, read + " of " + ids.size());
    }

    @Test
    void agreesOnEveryFixture() throws IOException {
        Path fixtures = TestRegistries.REPO.resolve("generator/src/test/resources/fixtures");
        List<Path> files = yamlFiles(fixtures);
        assertTrue(files.size() > 10, "fixtures: " + files.size());
        for (Path file : files) {
            agrees(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
    }

    /** Characters and pieces that change what YAML means, put into records at random. */
    private static final String[] PIECES = {
        "\"",
        "'",
        ":",
        ": ",
        "-",
        "- ",
        "#",
        " #",
        "{",
        "}",
        "[",
        "]",
        ",",
        ">",
        "|",
        ">-",
        "|-",
        ">+",
        "|2",
        "&a ",
        "*a",
        "!!str ",
        "%",
        "@",
        "`",
        "?",
        "~",
        "\n",
        " ",
        "  ",
        "\t",
        "\r",
        "\\",
        "\\n",
        "\\x41",
        "\\u00e9",
        "\\ud800",
        "''",
        "a",
        "0",
        "1",
        ".",
        "e",
        "é",
        "株",
        "😀",
        "\u0085",
        "\u2028",
        "\uFEFF",
        "---",
        "...",
        "yes",
        "No",
        "null",
        "Null",
        "~",
        "0x1F",
        "1_000",
        ".5",
        "1e3",
        "12",
        "1.50",
        "012",
        "2024-05",
        "2024-05-05",
        "2024-05-05T00:00:00Z",
        "1.0.2",
        "99.AI",
        "on",
        "y",
        "NaN",
        ".inf",
        "<<",
        "{a: 1}",
        "[a, b]",
        "key: value",
        "\n  - item",
        "\nnew_key: x",
        "\n    deeper: x",
        "\n\n"
    };

    @Test
    void agreesOnThousandsOfMutatedRecords() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (Path file : realRecords()) {
            seeds.add(Files.readString(file));
        }
        Random random = new Random(20261201L);
        int mutants = 0;
        int read = 0;
        for (int round = 0; round < 40; round++) {
            for (String seed : seeds) {
                String text = seed;
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    text = mutate(text, random);
                }
                mutants++;
                read += agrees("mutant " + mutants, text) ? 1 : 0;
            }
        }
        // Not vacuous: many mutants are still plain YAML and were read by both.
        assertTrue(read * 5 > mutants, read + " of " + mutants + " mutants read");
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int l = random.nextInt(lines.size());
        String line = lines.get(l);
        int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
        switch (random.nextInt(8)) {
            case 0 -> lines.set(l, line.substring(0, at) + piece(random) + line.substring(at));
            case 1 -> {
                if (at < line.length()) {
                    lines.set(l, line.substring(0, at) + line.substring(at + 1));
                }
            }
            case 2 -> {
                if (at < line.length()) {
                    lines.set(l, line.substring(0, at) + piece(random) + line.substring(at + 1));
                }
            }
            case 3 -> lines.add(l, line);
            case 4 -> lines.remove(l);
            case 5 -> lines.set(l, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
            case 6 -> {
                if (l + 1 < lines.size()) {
                    lines.set(l, lines.get(l + 1));
                    lines.set(l + 1, line);
                }
            }
            default -> {
                // A value replaced whole: after a key's colon, anything at all.
                int colon = line.indexOf(": ");
                if (colon >= 0) {
                    lines.set(l, line.substring(0, colon + 2) + piece(random));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)];
    }

    /** Each form the plain reader reads, read by it, and as SnakeYAML reads it. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "id: x\nname: Some Name\n",
                "# comment\nid: x  # trailing comment\n\nname: 'it''s'\n",
                "id: \"a \\\"quoted\\\" \\\\ value \\u00e9 \\n\\t\"\n",
                "id: x\nsummary:\n  text: >-\n    folded text\n    over lines\n  source: s\n",
                "id: x\nsummary:\n  text: >\n    folded, clipped\n  source: s\n",
                "id: x\nnote: |-\n  literal\n  lines\n",
                "id: x\nnote: |\n  literal, clipped\n\n\nnext: z\n",
                "id: x\nlist:\n  - a\n  - 'b'\n  - \"c\"\n",
                "id: x\nlist:\n- a\n- b\nnext: z\n",
                "id: x\nitems:\n  - kind: a\n    more: b\n  - kind: c\n    sub:\n      - d\n",
                "id: x\npassage: {text: \"quoted, with comma\", source: card}\n",
                "id: x\naliases: [One, Two Words, 'three']\nempty: []\nnone: {}\n",
                "id: x\nreleased: 2024-05-05\nmonth: 2024-05\n",
                "id: x\ncount: 32\nsize: 1.5\ntotal: 70e9\nfine: 1.50e9\n",
                "id: x\nurl: https://example.org/a:b#c\n",
                "id: x\nname: 株式会社 テスト\nnative_name: テスト 😀 emoji\n",
                "id: x\nrow: {a: x😀, b: c}\n",
                "id: x\n  # an indented comment\nname: z\n",
                "id: x\nname: (in brackets)\n",
                "id: x\nkeys:\n  on: a\n  y: b\n  no: c\n  null: d\n",
                "id: x\nname: a [b], {c} d:e\n",
                "id: x\nflags: {a: true, b: false}\nuncertain: true\n",
                "id: x\nby: 01.AI (GitHub)\norganisation: 01-ai\n",
            })
    void readsEachFormItIsFor(String text) {
        assertTrue(PlainYaml.readOrThrow(text).isPresent(), "not read:\n" + text);
        agrees("form", text);
    }

    /**
     * Every record repeats the same field names, and the registry keeps its records' trees until
     * the checks are done: a name read twice is one string.
     */
    @Test
    void aFieldNameReadAgainIsTheStringReadBefore() {
        JsonNode first =
                PlainYaml.readOrThrow("id: first\nflags: {uncertain: true}\n").get().tree();
        JsonNode second =
                PlainYaml.readOrThrow("id: second\nflags: {uncertain: false}\n").get().tree();
        assertSame(first.fieldNames().next(), second.fieldNames().next());
        assertSame(first.get("flags").fieldNames().next(), second.get("flags").fieldNames().next());
    }

    /** Plain values that start with a digit: a number, a date, or text, as SnakeYAML reads them. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "01-ai",
                "01.AI",
                "01.AI (GitHub)",
                "12 monkeys",
                "1 2",
                "1L",
                "1l",
                "2i",
                "1n",
                "1inf",
                "1st",
                "3rd",
                "4K",
                "8B",
                "70B parameters",
                "2024-05-05 10:00",
                "1.5 GB",
                "1e3 x",
                "12:30 pm",
                "1:30",
                "0x1f",
                "0b101",
                "0o17",
                "09",
                "012",
                "1_000",
                "1e",
                "1e3",
                "1E3",
                "1e+3",
                "1.5e-3",
                "0.",
                "1.e3",
                "1.50",
                "0",
                "10",
                "1,000",
                "1-2",
                "1_a",
                "2024-5-5",
                "2024-05",
                "2024-05-05",
                "1.2.3",
                "3x",
                "0xg",
                "12abc",
                "1d",
                "1f"
            })
    void readsValuesStartingWithADigitAsSnakeYamlDoes(String value) {
        agrees("value", "id: x\nvalue: " + value + "\nlist: [" + value + "]\n");
    }

    /** Forms left to SnakeYAML, and what the parser then gives is SnakeYAML's. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "id: x\nname: &a Name\nother: *a\n",
                "id: !!str x\n",
                "id: x\n---\nid: y\n",
                "id: x\nname: multi\n  line plain\n",
                "id: x\nname: \"multi\n  line quoted\"\n",
                "id: x\nflag: yes\n",
                "id: x\ncountry: NO\n",
                "id: x\nvalue: ~\n",
                "id: x\nempty:\n",
                "id: x\nid: y\n",
                "id: x\nhex: 0x1F\n",
                "id: x\nnote: >-\n  para one\n\n  para two\n",
                "id: x\nnote: >-\n  line\n    more indented\n",
                "id: x\nnote: >+\n  kept\n",
                "id: x\r\nname: y\r\n",
                "id: x\nname: a: b\n",
                "id: x\nname:\tvalue\n",
                "id: x\nlist:\n  - - nested\n",
                "id: x\nrow: {a: ",
                "id: x\nrow: [a, ",
                "id: x\nrow: {a: b,",
                "id: x\nrow: \"open",
                "id: x\nrow: >-",
            })
    void leavesEveryOtherFormToSnakeYaml(String text) {
        assertTrue(PlainYaml.readOrThrow(text).isEmpty(), "read:\n" + text);
        agrees("other form", text);
    }
}
