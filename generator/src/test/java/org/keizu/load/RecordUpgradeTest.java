package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Finding;
import org.keizu.validate.SchemaValidator;

/**
 * An earlier form of a record reads as today's: the evidence quote becomes a passage, a bare year
 * becomes text; nothing else changes, and the result passes today's schema.
 */
class RecordUpgradeTest {
    private static final String BEFORE_PASSAGES =
            """
            id: old-model
            name: Old Model
            organisation: old-co
            country: JP
            reviewed: 2026-11-29
            lineage:
              - base: base-model
                relation: continued-pretraining
                grade: E4
                evidence:
                  - kind: disclosure
                    summary: The makers named the base.
                    quote: built on Base Model
                    language: en
                    source: card
                  - kind: report
                    summary: A report in Japanese.
                    language: ja
                    source: card
            sources:
              - id: card
                title: "[Card]"
                url: https://example.org/card
                language: en
                published: 2026
            """;

    @Test
    void anOldEvidenceQuoteBecomesAPassageAndABareYearText() {
        ParsedRecord parsed = parse(BEFORE_PASSAGES);
        JsonNode upgraded = RecordUpgrade.toCurrent(parsed.tree());
        JsonNode first = upgraded.at("/lineage/0/evidence/0");
        assertEquals("built on Base Model", first.at("/passage/text").asText());
        assertEquals("en", first.at("/passage/language").asText());
        assertEquals(false, first.has("quote"));
        assertEquals(false, upgraded.at("/lineage/0/evidence/1").has("language"));
        assertEquals(
                false, upgraded.at("/lineage/0/evidence/1").has("passage"), "no words made up");
        assertEquals("2026", upgraded.at("/sources/0/published").textValue());
        assertEquals(
                "built on Base Model",
                parsed.tree().at("/lineage/0/evidence/0/quote").asText(),
                "the tree read from git is left as it was");

        SchemaValidator schema = new SchemaValidator(TestRegistries.REAL_DATA.resolve("schema"));
        List<Finding> before = new ArrayList<>();
        schema.validate(parsed, before::add);
        assertEquals(
                List.of("SCHEMA-001", "SCHEMA-001", "SCHEMA-001", "SCHEMA-003"),
                before.stream().map(f -> f.check().code()).sorted().toList(),
                "today's schema refuses the old form");
        List<Finding> after = new ArrayList<>();
        schema.validate(
                new ParsedRecord(
                        parsed.kind(),
                        parsed.file(),
                        parsed.displayPath(),
                        upgraded,
                        parsed.positions()),
                after::add);
        assertEquals(List.of(), after);
    }

    @Test
    void todaysFormIsLeftAsItIs() {
        ParsedRecord parsed =
                parse(BEFORE_PASSAGES.replace("published: 2026", "published: \"2026\""));
        JsonNode once = RecordUpgrade.toCurrent(parsed.tree());
        assertEquals(once, RecordUpgrade.toCurrent(once));
    }

    private static ParsedRecord parse(String yaml) {
        return new RecordParser(new RecordMapper())
                .parse(
                        RecordKind.MODEL,
                        Path.of("old-model.yaml"),
                        "data/models/old-model.yaml",
                        yaml.getBytes(StandardCharsets.UTF_8))
                .record()
                .orElseThrow();
    }
}
