package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.lineage.ConfigFields;
import org.keizu.lineage.Tier;

/** The methodology's field lists come from the detector's own table, so the two cannot disagree. */
class GeneratedProseTest {
    private final org.keizu.model.Vocabulary vocabulary =
            new org.keizu.load.VocabularyLoader(new org.keizu.load.RecordMapper())
                    .load(TestRegistries.REAL_DATA.resolve("vocab"));
    private final GeneratedProse prose =
            new GeneratedProse(
                    new Messages(Messages.bundle(TestRegistries.TEMPLATES)),
                    org.keizu.lineage.WeightRule.from(vocabulary),
                    term ->
                            vocabulary
                                    .find(org.keizu.lineage.WeightRule.LIST, term)
                                    .orElseThrow()
                                    .label());

    @Test
    void theMethodologyListsEveryFieldOfEveryTierAsTheDetectorSortsThem() throws IOException {
        String markdown =
                Files.readString(TestRegistries.REAL_DATA.resolve("pages/methodology.md"));
        assertTrue(
                markdown.contains(GeneratedProse.TIERS),
                "the methodology asks for the generated tier table");
        String expanded = prose.expand(markdown);
        assertFalse(expanded.contains("{{"), "no placeholder is left for readers to see");
        for (Tier tier : Tier.values()) {
            String row =
                    expanded.lines()
                            .filter(l -> l.startsWith("| " + tier.name() + ": "))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no row for tier " + tier));
            for (String field : ConfigFields.listed(tier)) {
                assertTrue(
                        row.contains("`" + field + "`"),
                        "tier " + tier + " row lacks " + field + ": " + row);
            }
        }
        for (String field : ConfigFields.exportOnly()) {
            assertTrue(expanded.contains("`" + field + "`"), "the export-only keys lack " + field);
        }
    }

    @Test
    void theMethodologyStatesTheWeightThresholdsTheDetectorUses() throws IOException {
        String markdown =
                Files.readString(TestRegistries.REAL_DATA.resolve("pages/methodology.md"));
        assertTrue(markdown.contains(GeneratedProse.WEIGHT_FINDINGS));
        String table = prose.expand(GeneratedProse.WEIGHT_FINDINGS);
        var rule = org.keizu.lineage.WeightRule.from(vocabulary).orElseThrow();
        assertTrue(
                table.contains(
                        "| Weights correlated with the base | At least "
                                + Math.round(rule.correlatedShare() * 100)
                                + "% of the compared tensors correlate with the base's at r ≥ "
                                + org.keizu.lineage.WeightsComparison.format(rule.correlatedR())),
                table);
        assertTrue(table.contains("Fewer than " + rule.fewestCompared() + " tensors"), table);
        assertEquals(7, table.lines().count(), "a header, a rule and five findings: " + table);
    }

    @Test
    void aFieldListedInOneTierAppearsInNoOtherRow() {
        String table = prose.expand(GeneratedProse.TIERS);
        for (String field : ConfigFields.listed(Tier.B)) {
            long rows = table.lines().filter(l -> l.contains("`" + field + "`")).count();
            assertTrue(rows == 1, field + " appears in " + rows + " rows");
        }
    }

    @Test
    void markdownWithoutPlaceholdersIsLeftAsItIs() {
        String text = "# About\n\nNo {braces} here.\n";
        assertTrue(prose.expand(text).equals(text));
    }
}
