package org.keizu.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/**
 * {@code keizu compare}'s reading and Markdown, over the registry.json of a real build and edited
 * copies of it: what a pull request's summary says about added, removed and changed models, and
 * that a hostile file can neither break the summary's Markdown nor the reader.
 */
class VerdictChangesTest {
    @TempDir static Path dir;
    private static Path real;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void buildTheRealSite() throws IOException {
        Path site = dir.resolve("site");
        TestRegistries.buildReal(site, "/", "", false);
        real = site.resolve("data/registry.json");
    }

    private static ObjectNode realTree() throws IOException {
        return (ObjectNode) JSON.readTree(real.toFile());
    }

    private static ObjectNode model(ObjectNode tree, String id) {
        for (var m : tree.get("models")) {
            if (m.get("id").asText().equals(id)) {
                return (ObjectNode) m;
            }
        }
        throw new AssertionError("no model " + id);
    }

    private static Path write(String name, Object tree) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, JSON.writeValueAsString(tree));
        return file;
    }

    @Test
    void aBuildComparedWithItselfChangesNothing() throws Exception {
        RegistrySummary r = RegistrySummary.read(real);
        assertTrue(r.models().size() > 50, "the real registry has its models");
        assertEquals("E4", r.models().get("rakuten-ai-3.0").grade());
        VerdictChanges changes = VerdictChanges.of(r, r);
        assertTrue(changes.isEmpty());
        String md = changes.markdown();
        assertTrue(md.contains(VerdictChanges.NO_CHANGES), md);
        assertFalse(md.contains("### Added"), md);
        assertFalse(md.contains("### Removed"), md);
    }

    @Test
    void namesAddedRemovedAndChangedModelsFromAndTo() throws Exception {
        ObjectNode after = realTree();
        ObjectNode rakuten = model(after, "rakuten-ai-3.0");
        String verdictBefore = rakuten.get("verdict").asText();
        rakuten.put("verdict", "undisclosed");
        rakuten.put("detected_grade", "E2");
        ArrayNode models = (ArrayNode) after.get("models");
        ObjectNode removed = (ObjectNode) models.remove(0);
        ObjectNode added = models.addObject();
        added.put("id", "new-model");
        added.put("name", "New Model");
        added.put("verdict", "consistent");
        added.putNull("detected_grade");

        VerdictChanges changes =
                VerdictChanges.of(
                        RegistrySummary.read(real),
                        RegistrySummary.read(write("after.json", after)));
        assertEquals(1, changes.added().size());
        assertEquals(removed.get("id").asText(), changes.removed().get(0).id());
        assertEquals(1, changes.changed().size());
        String md = changes.markdown();
        assertTrue(md.contains("### Added (1)"), md);
        assertTrue(md.contains("| New Model (new\\-model) | consistent | — |"), md);
        assertTrue(md.contains("### Removed (1)"), md);
        assertTrue(md.contains("### Verdict or grade changed (1)"), md);
        assertTrue(
                md.contains(
                        "| Rakuten AI 3\\.0 (rakuten\\-ai\\-3\\.0) | "
                                + VerdictChanges.escape(verdictBefore)
                                + " → undisclosed | E4 → E2 |"),
                md);
        assertFalse(md.contains(VerdictChanges.NO_CHANGES), md);
    }

    @Test
    void anAddedModelAloneStillSaysNoVerdictChanged() throws Exception {
        ObjectNode after = realTree();
        ((ArrayNode) after.get("models")).addObject().put("id", "x").put("name", "X");
        String md =
                VerdictChanges.of(
                                RegistrySummary.read(real),
                                RegistrySummary.read(write("added.json", after)))
                        .markdown();
        assertTrue(md.contains("### Added (1)"), md);
        assertTrue(md.endsWith(VerdictChanges.NO_CHANGES + "\n"), md);
    }

    @Test
    void aHostileNameIsPrintedAsTextNeverAsMarkdownOrHtml() throws Exception {
        ObjectNode after = realTree();
        String hostile =
                "<img src=x onerror=alert(1)> [click](https://evil.example) | **bold** `code`\n# h\u202e";
        model(after, "rakuten-ai-3.0").put("name", hostile).put("verdict", "undisclosed");
        String md =
                VerdictChanges.of(
                                RegistrySummary.read(real),
                                RegistrySummary.read(write("hostile.json", after)))
                        .markdown();
        String row = md.lines().filter(l -> l.contains("rakuten\\-ai")).findFirst().orElseThrow();
        assertFalse(row.contains("<"), row);
        assertFalse(row.contains("](https"), row);
        assertFalse(row.contains("**"), row);
        assertFalse(row.contains("\u202e"), row);
        assertTrue(row.contains("&lt;img"), row);
        assertTrue(row.contains("\\|"), row);
        assertTrue(row.contains("\\u000A"), row);
        // Still one row of four cells: every | in the name is escaped.
        assertEquals(4, row.split("(?<!\\\\)\\|", -1).length - 1, row);
    }

    @Test
    void aVeryLongNameIsCut() {
        String cut = VerdictChanges.cut("名".repeat(500));
        assertEquals(VerdictChanges.MAX_NAME + 1, cut.codePointCount(0, cut.length()));
    }

    @Test
    void malformedFilesAreRefusedWithASentence() throws Exception {
        assertMalformed("{", "not well-formed JSON");
        assertMalformed("[]", "top level is not an object");
        assertMalformed("{\"schema_version\": 2, \"models\": []}", "schema_version 2");
        assertMalformed("{\"schema_version\": 1}", "no models list");
        assertMalformed("{\"schema_version\": 1, \"models\": [1]}", "models[0] is not an object");
        assertMalformed("{\"schema_version\": 1, \"models\": [{\"name\": \"x\"}]}", "has no id");
        assertMalformed(
                "{\"schema_version\": 1, \"models\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}",
                "repeats the id");
        assertMalformed(
                "{\"schema_version\": 1, \"models\": [{\"id\": \"a\", \"verdict\": 3}]}",
                "verdict is not a string");
        assertMalformed("{\"schema_version\": 1, \"schema_version\": 1, \"models\": []}", "JSON");
        assertMalformed("[".repeat(10_000), "JSON");
    }

    @Test
    void aFileLargerThanTheCapIsRefusedUnread() throws Exception {
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (long n = 0; n <= RegistrySummary.MAX_BYTES >> 20; n++) {
                out.write(block);
            }
        }
        var e = assertThrows(RegistrySummary.Malformed.class, () -> RegistrySummary.read(big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        Files.delete(big);
    }

    private static void assertMalformed(String json, String expected) {
        var e =
                assertThrows(
                        RegistrySummary.Malformed.class,
                        () -> RegistrySummary.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), json + " -> " + e.getMessage());
    }
}
