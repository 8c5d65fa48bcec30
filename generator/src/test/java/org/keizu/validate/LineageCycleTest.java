package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/** Two records that name each other as their base are both reported, each at its own link. */
class LineageCycleTest {

    private static String record(String id, String base) {
        return """
                id: %s
                name: Model %s
                organisation: national-co
                country: JP
                reviewed: 2026-11-29
                claims:
                  - {kind: names-base, base: %s, quote: Built on %s, language: en, source: card}
                lineage:
                  - base: %s
                    relation: fine-tune
                    grade: E4
                    evidence:
                      - kind: disclosure
                        summary: The card names the base.
                        passage: {text: "Built on %s"}
                        source: card
                sources:
                  - {id: card, title: "[Card]", url: "https://example.org/%s", language: en}
                """
                .formatted(id, id, base, base, base, base, id);
    }

    @Test
    void aCircleOfBasesIsAFindingOnEveryModelInIt(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(data.resolve("models/circle-a.yaml"), record("circle-a", "circle-b"));
        Files.writeString(data.resolve("models/circle-b.yaml"), record("circle-b", "circle-a"));

        List<Finding> findings = TestRegistries.validate(root).sorted();

        assertEquals(2, findings.size(), findings.toString());
        for (Finding f : findings) {
            assertEquals(Check.LIN_006, f.check());
            assertEquals(9, f.line(), "at the lineage link's base: " + f);
            assertTrue(f.message().contains("circle-a → circle-b → circle-a"), f.message());
        }
    }
}
