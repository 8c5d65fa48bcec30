package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keizu.RegistryLoad;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Findings;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/** The verdicts the real records produce: the cases the registry exists to tell apart. */
class VerdictRuleTest {
    private static final Registry REGISTRY =
            new RegistryLoad(TestRegistries.REAL_DATA, TestRegistries.REPO).run(new Findings());
    private static final Map<String, Model> MODELS = REGISTRY.modelsById();
    private final VerdictRule rule = new VerdictRule(MODELS);

    /** The headlines as the site words them, from the same bundle the templates use. */
    private static final org.keizu.render.Messages MESSAGES =
            new org.keizu.render.Messages(
                    org.keizu.render.Messages.bundle(TestRegistries.TEMPLATES));

    private static String headline(VerdictRule.Finding finding) {
        return MESSAGES.format(finding.headline());
    }

    private VerdictRule.Finding judge(String id) {
        Model model = MODELS.get(id);
        assertTrue(model != null, "no record " + id);
        return rule.judge(model);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "rakuten-ai-3.0, DISCLOSED_AFTER_THE_FACT",
        "rakuten-ai-7b, CONSISTENT",
        "kimi-k2, NO_BASE_FOUND",
        "yi-34b, NO_BASE_FOUND",
        "solar-open-100b, CLEARED",
        "hyperclova-x-seed-think-32b, COMPONENT_REUSE",
        "ax-k1, CONTESTED",
        "pangu-pro-moe, CONTESTED",
        "taide-7b, CONSISTENT",
        "sahabat-ai-gemma2-9b, CONSISTENT",
        "ax-3.1, NO_BASE_FOUND",
        "deepseek-v3, NOT_EXAMINED",
    })
    void realRecords(String id, Verdict expected) {
        assertEquals(expected, judge(id).verdict(), headline(judge(id)));
    }

    @Test
    void aVerdictRestingOnAnUncertainLinkSaysSo() {
        assertTrue(
                judge("krutrim-2").uncertain(),
                "Krutrim-2 rests on a card line its makers removed");
        assertFalse(judge("rakuten-ai-3.0").uncertain());
    }

    @Test
    void architectureReuseIsNeverWordedAsDerivation() {
        String headline = headline(judge("kimi-k2"));
        assertTrue(headline.contains("uses the architecture of DeepSeek-V3"), headline);
        assertFalse(headline.toLowerCase().contains("derived from"), headline);
    }

    @Test
    void aDisputeOverAnArchitectureOnlyTieIsNotWordedAsADisputeOverTheWeights() {
        String axK1 = headline(judge("ax-k1"));
        assertTrue(
                axK1.contains("uses the architecture of DeepSeek-V3")
                        && axK1.contains("shared architecture only"),
                axK1);
        assertFalse(axK1.contains("derives from"), axK1);
        String pangu = headline(judge("pangu-pro-moe"));
        assertTrue(
                pangu.contains("disputed") && !pangu.contains("uses the architecture"),
                "with no architecture link recorded, the dispute is about derivation: " + pangu);
    }

    @Test
    void rakutenAi3HeadlineNamesTheBaseAndTheLateDisclosure() {
        VerdictRule.Finding finding = judge("rakuten-ai-3.0");
        assertEquals(Optional.of("deepseek-v3"), finding.baseId());
        assertTrue(
                headline(finding).contains("DeepSeek-V3")
                        && headline(finding).contains("only later"),
                headline(finding));
    }
}
