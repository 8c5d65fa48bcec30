package org.keizu.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;

/**
 * Chains of derivation: Gemma 2 9B → SEA-LION v3 → Sahabat-AI. A step is a declared link whose
 * relation reuses the base's weights (fine-tune, continued pre-training, distillation); components,
 * tokenizers and shared architectures never make a step, so a chain never claims more than its
 * weakest link declares. Where a model derives from two bases, the chain follows the link of the
 * highest grade, then the lower id, so the same registry always gives the same chain.
 */
public final class DerivationChains {
    private final Map<String, Model> models;
    private final Map<String, List<List<String>>> indirectDescendants;
    private final Map<String, List<String>> children = new TreeMap<>();

    public DerivationChains(Map<String, Model> models) {
        this.models = Map.copyOf(models);
        this.indirectDescendants = indirectDescendantsOfEveryBase();
        for (String id : new java.util.TreeSet<>(this.models.keySet())) {
            parent(id).ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(id));
        }
        children.replaceAll((parent, ids) -> List.copyOf(ids));
    }

    /**
     * The models whose chain runs directly through this one (their {@link #parent} is it), by id:
     * the next generation down in a family tree.
     */
    public List<String> children(String modelId) {
        return children.getOrDefault(modelId, List.of());
    }

    /** The base a model's weights come from directly, if it declares one. */
    public Optional<String> parent(String modelId) {
        Model model = models.get(modelId);
        if (model == null) {
            return Optional.empty();
        }
        return model.lineage().stream()
                .filter(l -> l.relation().derivesWeights() && models.containsKey(l.base()))
                .sorted(
                        Comparator.comparing(LineageLink::grade)
                                .reversed()
                                .thenComparing(LineageLink::base))
                .map(LineageLink::base)
                .findFirst();
    }

    /**
     * The model's ancestors, nearest first: its base, that base's base, and so on up to the
     * ultimate base. A cycle in the data ends the chain where it would repeat a model.
     */
    public List<String> ancestors(String modelId) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(modelId);
        List<String> chain = new ArrayList<>();
        Optional<String> next = parent(modelId);
        while (next.isPresent() && seen.add(next.get())) {
            chain.add(next.get());
            next = parent(next.get());
        }
        return List.copyOf(chain);
    }

    /** The end of the model's chain, or empty when it derives from nothing in the registry. */
    public Optional<String> ultimateBase(String modelId) {
        List<String> chain = ancestors(modelId);
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    /**
     * Every model that derives from {@code baseId} through at least one other model, each with its
     * path from the base down to it (base first, the model last), ordered by path.
     */
    public List<List<String>> indirectDescendants(String baseId) {
        return indirectDescendants.getOrDefault(baseId, List.of());
    }

    /**
     * Files each model's path under every ancestor at least two steps up, once for the whole
     * registry.
     */
    private Map<String, List<List<String>>> indirectDescendantsOfEveryBase() {
        Map<String, Map<String, List<String>>> byBase = new TreeMap<>();
        for (String id : models.keySet()) {
            List<String> up = ancestors(id);
            for (int at = 1; at < up.size(); at++) {
                List<String> path = new ArrayList<>(up.subList(0, at + 1));
                java.util.Collections.reverse(path);
                path.add(id);
                byBase.computeIfAbsent(up.get(at), k -> new TreeMap<>())
                        .put(String.join("\u0000", path), List.copyOf(path));
            }
        }
        Map<String, List<List<String>>> result = new TreeMap<>();
        byBase.forEach((base, paths) -> result.put(base, List.copyOf(paths.values())));
        return java.util.Collections.unmodifiableMap(result);
    }
}
