package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Finding;

/**
 * What a contributor reads: the exact words of the findings that name a field, a value or a
 * character, so that a message cannot drift into the validator's jargon or lose the detail that
 * says what to change.
 */
class FindingMessagesTest {
    private static final String MODEL = "models/national-model.yaml";

    private static Arguments says(String why, String from, String to, String code, String message) {
        return Arguments.of(why, from, to, code, message);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                says(
                        "an unknown top-level field",
                        "country: JP\n",
                        "country: JP\nhomepage: x\n",
                        "SCHEMA-001",
                        "unknown field \"homepage\"; see data/schema/model.schema.json for the fields allowed"),
                says(
                        "an unknown nested field names where it is",
                        "    relation: continued-pretraining\n",
                        "    relation: continued-pretraining\n    weight: 1\n",
                        "SCHEMA-001",
                        "unknown field \"weight\" in \"lineage.0\"; see data/schema/model.schema.json for the fields allowed"),
                says(
                        "a missing top-level field",
                        "name: National Model\n",
                        "",
                        "SCHEMA-002",
                        "missing required field \"name\""),
                says(
                        "a missing nested field names where it is",
                        "    relation: continued-pretraining\n",
                        "",
                        "SCHEMA-002",
                        "missing required field \"relation\" in \"lineage.0\""),
                says(
                        "a number where text belongs, with the YAML hint",
                        "name: National Model\n",
                        "name: 2026\n",
                        "SCHEMA-003",
                        "(YAML read 2026 as a number; put it in quotes to keep it as text)"),
                says(
                        "a boolean where text belongs",
                        "name: National Model\n",
                        "name: true\n",
                        "SCHEMA-003",
                        "(YAML read true as a boolean; put it in quotes to keep it as text)"),
                says(
                        "a null where text belongs",
                        "name: National Model\n",
                        "name: null\n",
                        "SCHEMA-003",
                        "(~ or null marks a value still to fill in: write the value, or leave the"
                                + " field out if it is optional)"),
                says(
                        "a term outside the vocabulary lists the allowed ones",
                        "    relation: continued-pretraining\n",
                        "    relation: derived-from\n",
                        "SCHEMA-004",
                        "\"lineage.0.relation\" is \"derived-from\"; allowed: fine-tune, continued-pretraining, distillation, component, tokenizer, architecture-only"),
                says(
                        "a number where a term belongs is shown as a number",
                        "    grade: E4\n",
                        "    grade: 4\n",
                        "SCHEMA-004",
                        "\"lineage.0.grade\" is 4; allowed: E0, E1, E2, E3, E4"),
                says(
                        "a bad format names the field, not the validator's location",
                        "released: 2025-03-01\n",
                        "released: March 2025\n",
                        "SCHEMA-005",
                        "\"released\" does not match"),
                says(
                        "a bidi override in one-line text, with its position",
                        "name: National Model\n",
                        "name: \"Nati\\u202Eonal\"\n",
                        "VAL-006",
                        "character U+202E at position 5 is invisible or a control character; remove it"),
                says(
                        "a tab in one-line text",
                        "name: National Model\n",
                        "name: \"National\\tModel\"\n",
                        "VAL-006",
                        "character U+0009 at position 9 is invisible or a control character; remove it"),
                says(
                        "a line break in one-line text says so",
                        "name: National Model\n",
                        "name: \"National\\nModel\"\n",
                        "VAL-006",
                        "character U+000A at position 9 is a line break in one-line text; remove it"),
                says(
                        "a joiner is fine in prose but not in a name",
                        "name: National Model\n",
                        "name: \"Nation\\u200Dal\"\n",
                        "VAL-006",
                        "character U+200D at position 7 is invisible or a control character; remove it"),
                says(
                        "a Hangul filler is refused",
                        "name: National Model\n",
                        "name: \"National\\u3164Model\"\n",
                        "VAL-006",
                        "character U+3164 at position 9 is invisible or a control character; remove it"),
                says(
                        "a private-use character is refused",
                        "name: National Model\n",
                        "name: \"National\\uE000\"\n",
                        "VAL-006",
                        "character U+E000 at position 9 is invisible or a control character; remove it"),
                says(
                        "config evidence with a pointer but no value to compare",
                        "        equals: 1024\n",
                        "",
                        "SNAP-005",
                        "config evidence gives both pointer and equals, so the build can check it"),
                says(
                        "a pointer that finds nothing",
                        "        pointer: /hidden_size\n",
                        "        pointer: /hidden_sizes\n",
                        "SNAP-005",
                        "pointer /hidden_sizes finds nothing in fixture-org/Same-Shape@unpinned-583f7531e2a0/config.json"),
                says(
                        "a value the snapshot does not hold",
                        "        equals: 1024\n",
                        "        equals: 2048\n",
                        "SNAP-005",
                        "the snapshot has 1024 at /hidden_size, not 2048"),
                says(
                        "evidence naming a snapshot that is not there",
                        "        pointer: /hidden_size\n",
                        "        snapshot: fixture-org/Missing@unpinned-000000000000\n        pointer: /hidden_size\n",
                        "SNAP-004",
                        "snapshot fixture-org/Missing@unpinned-000000000000 (with a config.json) is not in data/snapshots/"),
                says(
                        "a pointer on a record without a snapshot",
                        "snapshot: fixture-org/Same-Shape@unpinned-583f7531e2a0\n",
                        "",
                        "SNAP-004",
                        "pointer needs a snapshot: give snapshot: here or on the record"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void says(String why, String from, String to, String code, String message, @TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve(MODEL);
        String text = Files.readString(record, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "anchor text: " + from);
        Files.writeString(
                record,
                text.replaceFirst(
                        java.util.regex.Pattern.quote(from),
                        java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);

        List<Finding> findings =
                TestRegistries.validate(root).sorted().stream()
                        .filter(f -> f.check().code().equals(code))
                        .toList();

        assertEquals(1, findings.size(), why + ": " + TestRegistries.validate(root).sorted());
        assertTrue(
                findings.get(0).message().contains(message),
                why + ": " + findings.get(0).message());
        assertTrue(
                !findings.get(0).message().startsWith("/")
                        && !findings.get(0).message().startsWith("$"),
                "no validator location at the start: " + findings.get(0).message());
    }
}
