package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/**
 * A look-alike is reported on the impostor, wherever it stands: a model, an id, a native name or a
 * programme.
 */
class LookalikeAttributionTest {

    private static String model(String id, String extra) {
        return "id: "
                + id
                + "\nname: Model "
                + id
                + "\n"
                + extra
                + "organisation: national-co\ncountry: JP\nreviewed: 2026-11-29\n"
                + "claims:\n  - {kind: vague, quote: Ours, language: en, source: card}\n"
                + "sources:\n  - {id: card, title: \"[Card]\", url: \"https://example.org/"
                + id
                + "\", language: en}\n";
    }

    private static List<Finding> lookalikes(Path root) {
        return TestRegistries.validate(root).sorted().stream()
                .filter(f -> f.check() == Check.VAL_007)
                .toList();
    }

    @Test
    void anImpostorThatSortsFirstIsStillTheOneReported(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(
                data.resolve("models/aaa-impostor.yaml"),
                model("aaa-impostor", "")
                        .replace("name: Model aaa-impostor", "name: \"Nati\u03bfnal Model\""),
                StandardCharsets.UTF_8);
        List<Finding> found = lookalikes(root);
        assertEquals(
                2, found.size(), found.toString()); // the mixed-script word, and the look-alike
        assertTrue(
                found.stream().allMatch(f -> f.file().endsWith("aaa-impostor.yaml")),
                found.toString());
        assertTrue(
                found.stream()
                        .anyMatch(
                                f ->
                                        f.message()
                                                .contains(
                                                        "looks like \"National Model\" of data/models/national-model.yaml")),
                found.toString());
    }

    @Test
    void idsAndNativeNamesAreComparedToo(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(
                data.resolve("models/nationa1-model.yaml"),
                model("nationa1-model", ""),
                StandardCharsets.UTF_8);
        Files.writeString(
                data.resolve("models/copycat.yaml"),
                model("copycat", "native_name: Base Mode1\n"),
                StandardCharsets.UTF_8);
        List<Finding> found = lookalikes(root);
        assertEquals(2, found.size(), found.toString());
        assertTrue(
                found.stream()
                        .anyMatch(
                                f ->
                                        f.message().contains("\"nationa1-model\"")
                                                || f.message().contains("\"national-model\"")),
                found.toString());
        assertTrue(
                found.stream()
                        .anyMatch(
                                f ->
                                        f.file().endsWith("copycat.yaml")
                                                && f.message()
                                                        .contains("\"Base Mode1\" looks like")),
                found.toString());
    }

    @Test
    void programmesAreComparedToo(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path programme = data.resolve("programmes/fixture-programme.yaml");
        Files.writeString(
                programme,
                Files.readString(programme)
                        .replace("name: Fixture Programme", "name: \"Base M\u043edel\""),
                StandardCharsets.UTF_8);
        List<Finding> found = lookalikes(root);
        assertTrue(
                found.stream().allMatch(f -> f.file().endsWith("fixture-programme.yaml")),
                found.toString());
        assertTrue(
                found.stream().anyMatch(f -> f.message().contains("looks like \"Base Model\"")),
                found.toString());
    }
}
