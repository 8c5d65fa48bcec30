package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.model.TestModels;

/**
 * Chains follow declared derivations only, pick the strongest link, and survive cycles in the data.
 */
class DerivationChainsTest {
    private final Map<String, Model> models = new LinkedHashMap<>();

    private void model(String id, LineageLink... lineage) {
        models.put(id, TestModels.model(id).country("SG").lineage(Arrays.asList(lineage)).build());
    }

    private static LineageLink link(String base, Relation relation, Grade grade) {
        return new LineageLink(base, relation, grade, null, null, List.of());
    }

    @Test
    void aChainRunsFromTheModelToItsUltimateBase() {
        model("gemma");
        model("sea-lion", link("gemma", Relation.CONTINUED_PRETRAINING, Grade.E4));
        model("sahabat", link("sea-lion", Relation.CONTINUED_PRETRAINING, Grade.E4));
        DerivationChains chains = new DerivationChains(models);
        assertEquals(List.of("sea-lion", "gemma"), chains.ancestors("sahabat"));
        assertEquals(Optional.of("gemma"), chains.ultimateBase("sahabat"));
        assertEquals(Optional.of("gemma"), chains.ultimateBase("sea-lion"));
        assertEquals(Optional.empty(), chains.ultimateBase("gemma"));
        assertEquals(
                List.of(List.of("gemma", "sea-lion", "sahabat")),
                chains.indirectDescendants("gemma"),
                "a direct derivation is not listed as an indirect one");
        assertEquals(List.of(), chains.indirectDescendants("sea-lion"));
    }

    @Test
    void sharedArchitectureComponentsAndTokenizersNeverMakeAStep() {
        model("deepseek-v3");
        model("kimi", link("deepseek-v3", Relation.ARCHITECTURE_ONLY, Grade.E1));
        model("vision", link("kimi", Relation.COMPONENT, Grade.E4));
        model("words", link("vision", Relation.TOKENIZER, Grade.E3));
        model("tuned", link("words", Relation.FINE_TUNE, Grade.E4));
        DerivationChains chains = new DerivationChains(models);
        assertEquals(List.of(), chains.ancestors("kimi"));
        assertEquals(List.of(), chains.ancestors("vision"));
        assertEquals(List.of("words"), chains.ancestors("tuned"));
        assertEquals(List.of(), chains.indirectDescendants("deepseek-v3"));
    }

    @Test
    void theStrongestDerivationIsFollowedThenTheLowerId() {
        model("a");
        model("b");
        model("c");
        model(
                "m",
                link("b", Relation.FINE_TUNE, Grade.E2),
                link("c", Relation.CONTINUED_PRETRAINING, Grade.E4),
                link("a", Relation.FINE_TUNE, Grade.E4));
        assertEquals(List.of("a"), new DerivationChains(models).ancestors("m"));
    }

    @Test
    void aCycleEndsTheChainInsteadOfLoopingAndBasesOutsideTheRegistryAreIgnored() {
        model("x", link("y", Relation.FINE_TUNE, Grade.E4));
        model("y", link("x", Relation.FINE_TUNE, Grade.E4));
        model("z", link("missing", Relation.FINE_TUNE, Grade.E4));
        DerivationChains chains = new DerivationChains(models);
        assertEquals(List.of("y"), chains.ancestors("x"));
        assertEquals(List.of(), chains.ancestors("z"));
    }
}
