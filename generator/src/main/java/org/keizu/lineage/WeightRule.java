package org.keizu.lineage;

import java.util.Map;
import java.util.Optional;
import org.keizu.model.Term;
import org.keizu.model.Vocabulary;

/**
 * The thresholds that decide what a weights comparison finds ({@code
 * data/vocab/weight-findings.yaml}): numbers in the data, beside their reasoning, not in code.
 *
 * @param identicalShare the share of compared tensors that must be byte-identical...
 * @param identicalAtLeast ...and the fewest that must be, for "weights identical"
 * @param correlatedR the correlation from which a tensor counts as correlated
 * @param correlatedShare the share of compared tensors that must be, for "weights correlated"
 * @param independentR the correlation (either sign) below which a tensor counts as uncorrelated
 * @param independentShare the share that must be, for "independent weights"
 * @param fewestCompared the fewest compared tensors from which anything is found
 */
public record WeightRule(
        double identicalShare,
        int identicalAtLeast,
        double correlatedR,
        double correlatedShare,
        double independentR,
        double independentShare,
        int fewestCompared) {
    public static final String LIST = "weight-findings";

    /**
     * The rule in the vocabulary; empty when it has no such list, and then weights are shown but
     * not judged.
     */
    public static Optional<WeightRule> from(Vocabulary vocabulary) {
        if (vocabulary == null || !vocabulary.lists().containsKey(LIST)) {
            return Optional.empty();
        }
        Map<String, Map<String, Double>> t = new java.util.HashMap<>();
        for (Term term : vocabulary.list(LIST)) {
            t.put(term.term(), term.thresholds());
        }
        return Optional.of(
                new WeightRule(
                        number(t, WeightsComparison.IDENTICAL, "share"),
                        (int) number(t, WeightsComparison.IDENTICAL, "at_least"),
                        number(t, WeightsComparison.CORRELATED, "r"),
                        number(t, WeightsComparison.CORRELATED, "share"),
                        number(t, WeightsComparison.INDEPENDENT, "r"),
                        number(t, WeightsComparison.INDEPENDENT, "share"),
                        (int) number(t, WeightsComparison.TOO_FEW, "compared")));
    }

    private static double number(Map<String, Map<String, Double>> terms, String term, String key) {
        Double value = terms.getOrDefault(term, Map.of()).get(key);
        if (value == null) {
            throw new IllegalStateException(
                    "data/vocab/" + LIST + ".yaml: " + term + " needs the threshold " + key);
        }
        return value;
    }
}
