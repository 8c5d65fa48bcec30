package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Findings;
import org.keizu.lineage.DerivationChains;
import org.keizu.model.ClaimKind;
import org.keizu.model.Dispute;
import org.keizu.model.Evidence;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.PartialDate;
import org.keizu.model.Relation;
import org.keizu.registry.Registry;

/**
 * The facts that the fact-check of 2026-11-30 corrected, asserted on the real records, so that a
 * later edit cannot quietly bring an error back; and the registry's promise that every fact shows
 * the words of its source.
 */
class AuditedFactsTest {
    private static final RegistryBuild.Checked CHECKED = TestRegistries.checkReal();
    private static final Findings FINDINGS = CHECKED.findings();
    private static final Registry REGISTRY = CHECKED.registry();
    private static final Map<String, Model> MODELS = REGISTRY.modelsById();

    private static Model model(String id) {
        Model model = MODELS.get(id);
        assertNotNull(model, "no record " + id);
        return model;
    }

    private static PartialDate date(String text) {
        return PartialDate.parse(text).orElseThrow(() -> new AssertionError("not a date: " + text));
    }

    private static LineageLink link(Model model, String base) {
        return model.lineage().stream()
                .filter(l -> l.base().equals(base))
                .findFirst()
                .orElseThrow(() -> new AssertionError(model.id() + " has no lineage to " + base));
    }

    private static Stream<String> urls(Model model) {
        return model.sources().stream().map(s -> s.url());
    }

    @Test
    void taide7bIsTheLlama2BasedTaideLx7bAndNothingDatesItsDerivationBeforeLlama2() {
        Model taide = model("taide-7b");
        LineageLink llama = link(taide, "llama-2");
        assertEquals(
                Relation.CONTINUED_PRETRAINING,
                llama.relation(),
                "the makers' card says continuous pretraining");
        assertEquals("taide/TAIDE-LX-7B", taide.hub().repo());
        PartialDate llama2 = date("2023-07-18");
        if (taide.released() != null) {
            assertTrue(
                    date(taide.released()).compareTo(llama2) > 0,
                    "a Llama 2 derivative cannot predate Llama 2");
        }
        llama.evidence().stream()
                .filter(e -> e.date() != null)
                .forEach(
                        e ->
                                assertTrue(
                                        date(e.date()).compareTo(llama2) >= 0,
                                        "evidence of the Llama 2 derivation dated "
                                                + e.date()
                                                + ", before Llama 2 existed"));
        taide.claims().stream()
                .filter(c -> c.date() != null)
                .forEach(
                        c ->
                                assertTrue(
                                        date(c.date()).compareTo(llama2) >= 0,
                                        "a claim naming Llama 2 dated " + c.date()));
        assertTrue(
                urls(taide).noneMatch(u -> u.contains("bnnbreaking")),
                "the news paraphrase gave way to the makers' card");
    }

    @Test
    void axK1UsesDeepSeekV3sArchitectureOnlyAndItsMakersClaimFromScratch() {
        Model ax = model("ax-k1");
        LineageLink deepseek = link(ax, "deepseek-v3");
        assertEquals(Relation.ARCHITECTURE_ONLY, deepseek.relation());
        assertEquals(Grade.E1, deepseek.grade());
        assertTrue(
                ax.claims().stream().anyMatch(c -> c.kind() == ClaimKind.FROM_SCRATCH),
                "the card's from-scratch claim");
        // Digital Today /en/view/647 reports the technical report, not the DeepSeek comparison: it
        // may
        // date the report's release, never support the allegation, the evidence or the summary.
        java.util.Set<String> reportOnly =
                ax.sources().stream()
                        .filter(src -> src.url().contains("digitaltoday.co.kr/en/view/647"))
                        .map(src -> src.id())
                        .collect(Collectors.toSet());
        ax.disputes()
                .forEach(
                        d ->
                                assertFalse(
                                        reportOnly.contains(d.source()),
                                        "allegation cites " + d.source()));
        deepseek.evidence()
                .forEach(
                        e ->
                                assertFalse(
                                        reportOnly.contains(e.source()),
                                        "evidence cites " + e.source()));
        assertFalse(
                reportOnly.contains(ax.summary().source()),
                "summary cites " + ax.summary().source());
    }

    @Test
    void hyperclovaDisputeWasRaisedInJanuary2026AndNoEncoderReplacementIsClaimed() {
        Model hcx = model("hyperclova-x-seed-think-32b");
        assertFalse(hcx.disputes().isEmpty());
        for (Dispute d : hcx.disputes()) {
            assertTrue(
                    date(d.date()).compareTo(date("2026-01-04")) >= 0,
                    "raised on about 2026-01-04, not " + d.date());
        }
        assertTrue(hcx.timeline().stream().noneMatch(e -> e.date().equals("2025-12-31")));
        String summary = hcx.summary().text().toLowerCase(java.util.Locale.ROOT);
        assertFalse(
                summary.contains("had replaced") || summary.contains("has replaced"),
                "no replacement of the released model's encoder was announced");
    }

    @Test
    void solarOpenHas102point6BillionParameters() {
        assertEquals(102.6e9, model("solar-open-100b").parameters().total().doubleValue(), 1e6);
        assertEquals(12e9, model("solar-open-100b").parameters().active().doubleValue(), 1e6);
    }

    @Test
    void jais13bIsNotQuotedFromTheLlama2AdaptedJaisCard() {
        assertTrue(
                urls(model("jais-13b")).noneMatch(u -> u.contains("jais-adapted")),
                "jais-adapted-70b is a Llama-2-adapted model, not Jais-13B");
    }

    @Test
    void everyLineageFactDisputeAndEventQuotesItsSource() {
        assertEquals(
                List.of(),
                FINDINGS.sorted().stream()
                        .filter(f -> f.check().code().startsWith("PAS-"))
                        .toList());
        for (Model m : MODELS.values()) {
            for (LineageLink l : m.lineage()) {
                for (Evidence e : l.evidence()) {
                    boolean fromSnapshot = e.snapshot() != null && e.pointer() != null;
                    assertTrue(
                            fromSnapshot || e.passage() != null,
                            m.id() + ": evidence without a passage");
                }
            }
            m.disputes()
                    .forEach(
                            d ->
                                    assertNotNull(
                                            d.passage(),
                                            m.id() + ": allegation without a passage"));
            m.timeline()
                    .forEach(e -> assertNotNull(e.passage(), m.id() + ": event without a passage"));
            if (m.summary() != null) {
                assertNotNull(m.summary().passage(), m.id() + ": summary without a passage");
            }
        }
    }

    @Test
    void holdsAtLeastSixtyModelsFromTwentyCountries() {
        Set<String> countries =
                MODELS.values().stream().map(Model::country).collect(Collectors.toSet());
        assertTrue(MODELS.size() >= 60, MODELS.size() + " models");
        assertTrue(countries.size() >= 20, countries.size() + " countries: " + countries);
    }

    @Test
    void sahabatAiDerivesFromGemma2ThroughSeaLion() {
        DerivationChains chains = new DerivationChains(MODELS);
        assertEquals(
                List.of("gemma2-sea-lion-v3-9b", "gemma-2-9b"),
                chains.ancestors("sahabat-ai-gemma2-9b"));
    }
}
