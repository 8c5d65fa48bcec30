package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.erosb.jsonsKema.JsonParser;
import com.github.erosb.jsonsKema.Schema;
import com.github.erosb.jsonsKema.SchemaClient;
import com.github.erosb.jsonsKema.SchemaLoader;
import com.github.erosb.jsonsKema.SchemaLoaderConfig;
import com.github.erosb.jsonsKema.ValidationFailure;
import com.github.erosb.jsonsKema.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Severity;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;

/**
 * The published schema and {@code validate} agree, checked with a second, independent JSON Schema
 * 2020-12 validator (json-sKema) standing in for a contributor's editor: it accepts every real
 * record; whatever it rejects, {@code validate} rejects with an error; and every rule the schema
 * hands to one of {@code validate}'s checks ({@code x-keizu-check}) is enforced by both.
 */
class SchemaAgreementTest {
    private static final Path SCHEMAS = TestRegistries.REAL_DATA.resolve("schema");
    private static final String BASE = "https://schema.keizu.test/";
    private static final Map<RecordKind, Validator> EDITOR = editorValidators();

    private static Map<RecordKind, Validator> editorValidators() {
        // Our $refs resolve to files of data/schema/, and the meta-schemas to the copies bundled
        // with the validator: it reads no network.
        SchemaClient bundled = SchemaClient.createDefaultInstance(Map.of());
        SchemaClient files =
                uri -> {
                    // Our schemas' $ids are relative names ("common.schema.json").
                    if (uri.isAbsolute() && !uri.toString().startsWith(BASE)) {
                        return bundled.get(uri);
                    }
                    String name = Path.of(uri.getPath()).getFileName().toString();
                    try {
                        return new ByteArrayInputStream(Files.readAllBytes(SCHEMAS.resolve(name)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
        Map<RecordKind, Validator> validators = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.curated()) {
            URI uri = URI.create(BASE + kind.schemaFile());
            Schema schema =
                    new SchemaLoader(
                                    files.getParsed(uri),
                                    new SchemaLoaderConfig(files, uri, Map.of()))
                            .load();
            validators.put(kind, Validator.forSchema(schema));
        }
        return validators;
    }

    /** The record as {@code validate} reads it, judged by the second validator. */
    private static ValidationFailure editorVerdict(RecordKind kind, Path file) throws IOException {
        RecordParser.ParseResult parsed =
                new RecordParser(new RecordMapper())
                        .parse(kind, file, file.toString(), Files.readAllBytes(file));
        ParsedRecord record =
                parsed.record().orElseThrow(() -> new AssertionError(file + " parses"));
        String json = RecordMapper.plainJson().writeValueAsString(record.tree());
        return EDITOR.get(kind)
                .validate(new JsonParser(json, URI.create(BASE + "record"), 64).parse());
    }

    @Test
    void theSecondValidatorAcceptsEveryRealRecord() throws IOException {
        List<String> rejected = new ArrayList<>();
        int checked = 0;
        for (RecordKind kind : RecordKind.curated()) {
            try (Stream<Path> files = Files.list(TestRegistries.REAL_DATA.resolve(kind.folder()))) {
                for (Path file : files.sorted().toList()) {
                    ValidationFailure failure = editorVerdict(kind, file);
                    checked++;
                    if (failure != null) {
                        rejected.add(file.getFileName() + ": " + failure);
                    }
                }
            }
        }
        assertTrue(checked > 80, "the real records were read: " + checked);
        assertEquals(List.of(), rejected);
    }

    /** A rule of the schema a contributor's editor shows, and the check of validate that agrees. */
    record Mistake(String rule, String from, String to, String check) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                new Mistake(
                        "an id in capitals",
                        "id: national-model\n",
                        "id: National-Model\n",
                        "ID-002"),
                new Mistake("a reserved id", "id: national-model\n", "id: search\n", "ID-002"),
                new Mistake(
                        "an organisation that cannot be an id",
                        "organisation: national-co\n",
                        "organisation: National Co\n",
                        "REF-001"),
                new Mistake(
                        "a programme that cannot be an id",
                        "programme: fixture-programme\n",
                        "programme: Fixture_Programme\n",
                        "REF-003"),
                new Mistake(
                        "a base written as a hub repository",
                        "  - base: base-model\n    relation: continued-pretraining",
                        "  - base: base-lab/Base-Model\n    relation: continued-pretraining",
                        "REF-002"),
                new Mistake("a country name", "country: JP\n", "country: Japan\n", "VAL-001"),
                new Mistake("UK for GB", "country: JP\n", "country: UK\n", "VAL-001"),
                new Mistake(
                        "a date in words",
                        "released: 2025-03-01\n",
                        "released: March 2025\n",
                        "VAL-003"),
                new Mistake(
                        "an http address",
                        "url: https://example.org/national-model\n",
                        "url: http://example.org/national-model\n",
                        "VAL-005"),
                new Mistake(
                        "an address with a user name",
                        "url: https://example.org/national-model\n",
                        "url: https://someone@example.org/national-model\n",
                        "VAL-005"),
                new Mistake(
                        "architecture-only above E1",
                        "    relation: continued-pretraining\n    grade: E4\n",
                        "    relation: architecture-only\n    grade: E4\n",
                        "LIN-001"),
                new Mistake(
                        "a derivation below E2",
                        "    relation: continued-pretraining\n    grade: E4\n",
                        "    relation: continued-pretraining\n    grade: E1\n",
                        "LIN-001"),
                new Mistake(
                        "a language in words",
                        "    language: ja\n",
                        "    language: Japanese\n",
                        "SCHEMA-005"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theEditorAndValidateBothRejectIt(Mistake mistake, @TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path file = data.resolve("models/national-model.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(mistake.from()), "anchor: " + mistake.from());
        Files.writeString(file, text.replace(mistake.from(), mistake.to()), StandardCharsets.UTF_8);

        assertNotNull(editorVerdict(RecordKind.MODEL, file), "the editor flags " + mistake);
        List<Finding> errors =
                TestRegistries.validate(root).sorted().stream()
                        .filter(f -> f.severity() == Severity.ERROR)
                        .filter(f -> f.file().endsWith("national-model.yaml"))
                        .toList();
        assertTrue(
                errors.stream().anyMatch(f -> f.check().code().equals(mistake.check())),
                "validate reports " + mistake.check() + ": " + errors);
    }

    @Test
    void everyRuleTheSchemaHandsToACheckIsTriedAbove() throws IOException {
        Set<String> handedOver = new TreeSet<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.toList()) {
                collect(RecordMapper.plainJson().readTree(file.toFile()), handedOver);
            }
        }
        Set<String> tried = new TreeSet<>();
        mistakes().forEach(m -> tried.add(m.check()));
        assertFalse(handedOver.isEmpty());
        assertTrue(tried.containsAll(handedOver), "untried: " + handedOver + " vs " + tried);
    }

    private static void collect(JsonNode node, Set<String> codes) {
        if (node.has(SchemaValidator.CHECK_ANNOTATION)) {
            codes.add(node.get(SchemaValidator.CHECK_ANNOTATION).asText());
        }
        node.forEach(child -> collect(child, codes));
    }

    @Test
    void whateverTheEditorRejectsAmongTheInvalidFixturesValidateRejectsWithAnError(
            @TempDir Path root) throws IOException {
        List<String> disagreements = new ArrayList<>();
        int flagged = 0;
        try (Stream<Path> fixtures = Files.list(TestRegistries.FIXTURES.resolve("invalid"))) {
            for (Path fixture : fixtures.sorted().toList()) {
                String name = fixture.getFileName().toString();
                byte[] bytes = Files.readAllBytes(fixture);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher target =
                        java.util.regex.Pattern.compile("# fixture: models/(\\S+)").matcher(text);
                boolean parses =
                        new RecordParser(new RecordMapper())
                                .parse(RecordKind.MODEL, fixture, name, bytes)
                                .record()
                                .isPresent();
                if (!target.find() || !parses || editorVerdict(RecordKind.MODEL, fixture) == null) {
                    continue; // not a model the editor could read, or one it accepts
                }
                flagged++;
                Path case_ = root.resolve(name);
                Path data = TestRegistries.validFixture(case_);
                java.util.regex.Matcher id =
                        java.util.regex.Pattern.compile("(?m)^id: ([^\\s#]+)").matcher(text);
                String file = target.group(1).replace("{id}", id.find() ? id.group(1) : "unnamed");
                Files.write(data.resolve("models").resolve(file), bytes);
                boolean error =
                        TestRegistries.validate(case_).sorted().stream()
                                .anyMatch(f -> f.severity() == Severity.ERROR);
                if (!error) {
                    disagreements.add(name + ": the editor rejects what validate accepts");
                }
            }
        }
        assertTrue(flagged >= 8, "the editor rejects the schema fixtures: " + flagged);
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theSecondValidatorAcceptsTheValidFixtureModel(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        assertNull(editorVerdict(RecordKind.MODEL, data.resolve("models/national-model.yaml")));
    }
}
