package org.keizu.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sibling releases: the rules that keep the detector from picking one base among several that a
 * config fits alike. Releases of one family share a shape and differ in settings each release
 * chooses anew; a config that fits several bases exactly, or a fine-tune and its parent, names them
 * all rather than one.
 */
final class ReleaseFits {
    private ReleaseFits() {}

    /**
     * Settings each release of a family chooses anew, with the shape unchanged: Llama 3 and 3.1
     * differ only in context length and RoPE scaling, Mistral 7B v0.1 and v0.3 in rope_theta.
     */
    static final List<String> RELEASE_FIELDS =
            List.of("rope_theta", "rope_scaling", "max_position_embeddings", "sliding_window");

    /**
     * Where several bases fit the config exactly (shape and release settings), the config cannot
     * tell which of them, if any, the weights come from: none is graded a derivation for it, and
     * each names the others, unless a tokenizer or NOTICE match singles out exactly one. A base
     * that keeps its declared parent's shape (a fine-tune) fits alike with that parent, whose
     * tokenizer and NOTICE it shares too: nothing in its files tells the two apart.
     */
    static List<Comparison> withoutPicking(
            List<Comparison> compared, Map<String, String> sameShapeParents) {
        List<Comparison> exact =
                compared.stream()
                        .filter(c -> c.finding().equals(LineageDetector.SAME_SHAPE))
                        .toList();
        List<String> corroborated =
                exact.stream()
                        .filter(c -> !c.corroboration().isEmpty())
                        .map(Comparison::base)
                        .toList();
        String singledOut = corroborated.size() == 1 ? corroborated.get(0) : null;
        return compared.stream()
                .map(
                        c -> {
                            if (!c.finding().equals(LineageDetector.SAME_SHAPE)) {
                                return c;
                            }
                            Set<String> alike = new TreeSet<>();
                            if (!c.base().equals(singledOut)) {
                                exact.forEach(e -> alike.add(e.base()));
                            }
                            if (sameShapeParents.containsKey(c.base())) {
                                alike.add(sameShapeParents.get(c.base()));
                            }
                            alike.remove(c.base());
                            return alike.isEmpty() ? c : c.sharedWith(List.copyOf(alike));
                        })
                .toList();
    }

    /**
     * Whether nothing in the configs says they are different releases: each release setting ({@link
     * #RELEASE_FIELDS}) equal where both state it. Mistral 7B v0.1 (rope_theta 10,000) and v0.3
     * (1,000,000) share every shape field; Llama 3 8B and 3.1 8B differ only in context length and
     * RoPE scaling.
     */
    static boolean sameRelease(NormalisedConfig self, NormalisedConfig base) {
        return RELEASE_FIELDS.stream().allMatch(field -> sameSetting(self, base, field));
    }

    /** Whether a setting is equal where both configs state it. */
    static boolean sameSetting(NormalisedConfig self, NormalisedConfig base, String field) {
        Optional<JsonNode> a = self.get(field);
        Optional<JsonNode> b = base.get(field);
        return a.isEmpty() || b.isEmpty() || ConfigValues.equal(a.get(), b.get());
    }
}
