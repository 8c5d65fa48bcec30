package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
                        "a bad date says how to write a date, not a regular expression",
                        "released: 2025-03-01\n",
                        "released: March 2025\n",
                        "VAL-003",
                        "\"March 2025\" is not a real date; write a date as YYYY-MM-DD, or YYYY-MM or YYYY when the sources give no day"),
                says(
                        "a bad format names the field and says the form in words",
                        "    language: ja\n",
                        "    language: Japanese\n",
                        "SCHEMA-005",
                        "\"claims.0.language\" is \"Japanese\"; write a BCP 47 language tag, e.g. en, ja, ko or zh-Hant"),
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
                        "pointer needs a snapshot: give snapshot: here or on the record"),
                says(
                        "a base written in another case is matched to its id",
                        "  - base: base-model\n    relation: continued-pretraining",
                        "  - base: Base-Model\n    relation: continued-pretraining",
                        "REF-002",
                        "base \"Base-Model\" is not in the registry; did you mean \"base-model\"?"),
                says(
                        "a base written as its hub repository is matched to the model",
                        "  - base: base-model\n    relation: continued-pretraining",
                        "  - base: base-lab/Base-Model\n    relation: continued-pretraining",
                        "REF-002",
                        "did you mean \"base-model\"?"),
                says(
                        "a mistyped base is matched by edit distance",
                        "  - base: base-model\n    relation: continued-pretraining",
                        "  - base: base-modle\n    relation: continued-pretraining",
                        "REF-002",
                        "did you mean \"base-model\"?"),
                says(
                        "an unknown base that could be an id says where its record would go",
                        "  - base: base-model\n    relation: continued-pretraining",
                        "  - base: other-lab-model\n    relation: continued-pretraining",
                        "REF-002",
                        "add data/models/other-lab-model.yaml or fix the id"),
                says(
                        "an unknown base that cannot be an id never suggests an invalid file name",
                        "  - base: base-model\n    relation: continued-pretraining",
                        "  - base: Other_Lab..Model\n    relation: continued-pretraining",
                        "REF-002",
                        "an id is lower-case letters, digits, '-' and single '.' between them, so no record has this one"),
                says(
                        "a mistyped organisation is matched",
                        "organisation: national-co\n",
                        "organisation: National-Co\n",
                        "REF-001",
                        "did you mean \"national-co\"?"),
                says(
                        "a mistyped source is matched among the record's own",
                        "    source: card-later\n",
                        "    source: card-latre\n",
                        "REF-004",
                        "did you mean \"card-later\"?"),
                says(
                        "a country that is not a code says how to write one",
                        "country: JP\n",
                        "country: UK\n",
                        "VAL-001",
                        "country \"UK\" is not an ISO 3166-1 alpha-2 code"));
    }

    /**
     * The checks that read trees also read records that failed their schema, whose lists may be
     * mappings, texts or numbers: each shape is a schema finding, never an exception.
     */
    @Test
    void aRecordWithListsOfTheWrongShapeGetsFindingsNotACrash(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(
                data.resolve("models/odd-shapes.yaml"),
                String.join(
                        "\n",
                        "id: odd-shapes",
                        "name: Odd Shapes",
                        "organisation: {id: national-co}",
                        "programme: [fixture-programme]",
                        "country: JP",
                        "released: 2025-03-01",
                        "reviewed: 2026-11-29",
                        "summary: just text",
                        "claims: {kind: vague}",
                        "lineage: {base: base-model, evidence: {kind: config}}",
                        "disputes: 3",
                        "licence_obligations: text",
                        "timeline: [1, [2], {event: x, passage: 4}]",
                        "response: [a]",
                        "sources: {id: card}",
                        ""),
                StandardCharsets.UTF_8);

        List<Finding> findings =
                TestRegistries.validate(root).sorted().stream()
                        .filter(f -> f.file().endsWith("odd-shapes.yaml"))
                        .toList();

        assertTrue(
                findings.stream().anyMatch(f -> f.check().code().equals("SCHEMA-003")),
                findings.toString());
        assertTrue(
                findings.stream().noneMatch(f -> f.check().code().startsWith("REF-")),
                "no reference is read from a value of the wrong type: " + findings);
    }

    /**
     * A contributor sees every mistake of a record in one run: a schema error (a bad language tag)
     * no longer hides the reference, source and value errors of the same record.
     */
    @Test
    void everyKindOfMistakeInOneRecordIsReportedInOneRun(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve(MODEL);
        String text = Files.readString(record, StandardCharsets.UTF_8);
        String broken =
                text.replace("    language: ja\n", "    language: Japanese\n")
                        .replace("organisation: national-co\n", "organisation: nation-co\n")
                        .replace(
                                "  - base: base-model\n    relation: continued-pretraining",
                                "  - base: Base-Model\n    relation: continued-pretraining")
                        .replace("    source: card-later\n", "    source: card-latre\n")
                        .replace("country: JP\n", "country: UK\n")
                        .replace("released: 2025-03-01\n", "released: 2025-13-01\n");
        assertTrue(!broken.equals(text));
        Files.writeString(record, broken, StandardCharsets.UTF_8);

        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (Finding finding : TestRegistries.validate(root).sorted()) {
            if (finding.file().endsWith("national-model.yaml")) {
                codes.add(finding.check().code());
            }
        }

        assertEquals(
                java.util.Set.of(
                        "SCHEMA-005", "REF-001", "REF-002", "REF-004", "VAL-001", "VAL-003"),
                codes);
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
