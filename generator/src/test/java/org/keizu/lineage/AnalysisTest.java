package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keizu.load.Loaded;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.model.Claim;
import org.keizu.model.ClaimKind;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.model.TestModels;
import org.keizu.registry.Registry;

/**
 * The analysis phase: what it concludes about each model, once, from a registry built in memory.
 */
class AnalysisTest {
    static Model model(String id, String country, List<LineageLink> lineage, boolean claims) {
        List<Claim> claimed =
                claims
                        ? List.of(
                                new Claim(
                                        ClaimKind.VAGUE,
                                        null,
                                        "ours",
                                        "en",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "card",
                                        null))
                        : List.of();
        return TestModels.model(id).country(country).claims(claimed).lineage(lineage).build();
    }

    static LineageLink link(String base, Relation relation, Grade grade) {
        return new LineageLink(base, relation, grade, null, null, List.of());
    }

    static Registry registry(Model... models) {
        return new Registry(
                java.util.Arrays.stream(models)
                        .map(
                                m ->
                                        new Loaded<>(
                                                m,
                                                new ParsedRecord(
                                                        RecordKind.MODEL,
                                                        Path.of(m.id() + ".yaml"),
                                                        "data/models/" + m.id() + ".yaml",
                                                        (JsonNode) null,
                                                        null)))
                        .toList(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void theLinkShownInTablesIsADerivationBeforeAComponentBeforeASharedArchitecture() {
        Model m =
                model(
                        "m",
                        "JP",
                        List.of(
                                link("arch", Relation.ARCHITECTURE_ONLY, Grade.E1),
                                link("parts", Relation.COMPONENT, Grade.E4),
                                link("weak", Relation.FINE_TUNE, Grade.E2),
                                link("strong", Relation.CONTINUED_PRETRAINING, Grade.E3)),
                        true);
        assertEquals(
                "strong",
                Analysis.principalLink(m).orElseThrow().base(),
                "a derivation is shown first, the strongest grade among derivations");
        Model noDerivation =
                model(
                        "n",
                        "JP",
                        List.of(
                                link("arch", Relation.ARCHITECTURE_ONLY, Grade.E1),
                                link("parts", Relation.COMPONENT, Grade.E2)),
                        true);
        assertEquals(
                "parts",
                Analysis.principalLink(noDerivation).orElseThrow().base(),
                "a reused component is shown before a shared architecture, whatever the grades");
        assertEquals(Optional.empty(), Analysis.principalLink(model("o", "JP", List.of(), true)));
    }

    @Test
    void aForeignBaseCountsOnlyWhenItsArtefactsAreReused() {
        Registry registry =
                registry(
                        model("us-base", "US", List.of(), false),
                        model("jp-base", "JP", List.of(), false),
                        model(
                                "tuned",
                                "JP",
                                List.of(link("us-base", Relation.FINE_TUNE, Grade.E3)),
                                true),
                        model(
                                "shaped",
                                "JP",
                                List.of(link("us-base", Relation.ARCHITECTURE_ONLY, Grade.E1)),
                                true),
                        model(
                                "home",
                                "JP",
                                List.of(link("jp-base", Relation.FINE_TUNE, Grade.E3)),
                                true),
                        model(
                                "unheld",
                                "JP",
                                List.of(link("elsewhere", Relation.FINE_TUNE, Grade.E3)),
                                true),
                        model(
                                "tokens",
                                "JP",
                                List.of(link("us-base", Relation.TOKENIZER, Grade.E2)),
                                true));
        Analysis analysis = Analysis.of(registry);
        assertTrue(
                analysis.of("tuned").onForeignBase(), "fine-tuned from a model of another country");
        assertTrue(
                analysis.of("tokens").onForeignBase(), "a reused tokenizer is a reused artefact");
        assertFalse(
                analysis.of("shaped").onForeignBase(),
                "sharing an architecture reuses no artefact");
        assertFalse(analysis.of("home").onForeignBase(), "a base of the same country");
        assertFalse(
                analysis.of("unheld").onForeignBase(),
                "a base the registry does not hold has no known country");
    }

    @Test
    void aModelIsExaminedWhenAnyClaimOrLineageIsRecorded() {
        Analysis analysis =
                Analysis.of(
                        registry(
                                model("bare", "JP", List.of(), false),
                                model("claimed", "JP", List.of(), true),
                                model(
                                        "linked",
                                        "JP",
                                        List.of(link("bare", Relation.ARCHITECTURE_ONLY, Grade.E1)),
                                        false)));
        assertFalse(analysis.of("bare").examined());
        assertTrue(analysis.of("claimed").examined());
        assertTrue(analysis.of("linked").examined());
    }

    @Test
    void chainsAndVerdictsAreTheRulesOwn() {
        Registry registry =
                registry(
                        model("gemma", "US", List.of(), false),
                        model(
                                "sea-lion",
                                "SG",
                                List.of(link("gemma", Relation.CONTINUED_PRETRAINING, Grade.E4)),
                                true),
                        model(
                                "sahabat",
                                "ID",
                                List.of(link("sea-lion", Relation.FINE_TUNE, Grade.E4)),
                                true));
        Analysis analysis = Analysis.of(registry);
        assertEquals(List.of("sea-lion", "gemma"), analysis.of("sahabat").ancestors());
        assertEquals(
                List.of(List.of("gemma", "sea-lion", "sahabat")),
                analysis.indirectDescendants("gemma"));
        assertEquals(
                List.of(),
                analysis.indirectDescendants("sea-lion"),
                "a direct child is not an indirect one");
        VerdictRule rule = new VerdictRule(registry.modelsById());
        for (String id : List.of("gemma", "sea-lion", "sahabat")) {
            assertEquals(
                    rule.judge(registry.model(id).orElseThrow()), analysis.of(id).verdict(), id);
        }
        assertEquals(
                Optional.empty(),
                analysis.declaredComparison("sahabat", "sea-lion"),
                "no snapshots, so no config comparison");
        assertThrows(IllegalArgumentException.class, () -> analysis.of("absent"));
    }
}
