package org.keizu.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.Loaded;
import org.keizu.model.Claim;
import org.keizu.model.ClaimKind;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.registry.Registry;

/**
 * Keeps the registry's central distinction in the data: a shared architecture class is grade E1 and
 * relation architecture-only, never a derivation; reusing a base's weights or files needs evidence
 * of grade E2 or more.
 */
public final class LineageCheck implements RegistryCheck {

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        reportCycles(registry, out);
        for (Loaded<Model> loaded : registry.models()) {
            List<LineageLink> lineage = loaded.record().lineage();
            Set<String> bases = new HashSet<>();
            for (int i = 0; i < lineage.size(); i++) {
                LineageLink link = lineage.get(i);
                String at = "/lineage/" + i;
                if (link.relation() == Relation.ARCHITECTURE_ONLY && link.grade() != Grade.E1) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    loaded.at(at + "/grade"),
                                    Check.LIN_001,
                                    "architecture-only is grade E1 (same architecture class only), not "
                                            + link.grade()
                                            + "; if the weights or files were reused, say which relation"));
                } else if (link.relation().reusesArtefacts() && !link.grade().atLeast(Grade.E2)) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    loaded.at(at + "/grade"),
                                    Check.LIN_001,
                                    link.relation().term()
                                            + " needs evidence of grade E2 or more; at "
                                            + link.grade()
                                            + " the finding is architecture-only"));
                }
                if (!bases.add(link.base())) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    loaded.at(at + "/base"),
                                    Check.LIN_002,
                                    "base \""
                                            + link.base()
                                            + "\" has a lineage entry already; put all its evidence in one"));
                }
            }
            List<Claim> claims = loaded.record().claims();
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                boolean namesOne =
                        claim.kind() == ClaimKind.NAMES_BASE
                                || claim.kind() == ClaimKind.NAMES_ARCHITECTURE;
                if (namesOne && claim.base() == null) {
                    out.accept(
                            Finding.warning(
                                    loaded.file(),
                                    loaded.at("/claims/" + i + "/kind"),
                                    Check.LIN_003,
                                    "a "
                                            + claim.kind().term()
                                            + " claim should say which base it names (base: <model id>)"));
                }
            }
        }
    }

    /**
     * A model cannot stand, through any chain of lineage links, on itself: each model on a circle
     * is reported at its link to the next, with the whole circle spelt out.
     */
    private static void reportCycles(Registry registry, Consumer<Finding> out) {
        java.util.Map<String, Loaded<Model>> byId = new java.util.TreeMap<>();
        registry.models().forEach(m -> byId.put(m.record().id(), m));
        Set<String> reported = new HashSet<>();
        for (String start : byId.keySet()) {
            java.util.List<String> path = new java.util.ArrayList<>();
            findCycle(start, byId, path, new HashSet<>())
                    .ifPresent(
                            cycle -> {
                                String circle = String.join(" → ", cycle);
                                for (int i = 0; i + 1 < cycle.size(); i++) {
                                    String id = cycle.get(i);
                                    if (!reported.add(id)) {
                                        continue;
                                    }
                                    Loaded<Model> loaded = byId.get(id);
                                    List<LineageLink> lineage = loaded.record().lineage();
                                    for (int j = 0; j < lineage.size(); j++) {
                                        if (lineage.get(j).base().equals(cycle.get(i + 1))) {
                                            out.accept(
                                                    Finding.error(
                                                            loaded.file(),
                                                            loaded.at("/lineage/" + j + "/base"),
                                                            Check.LIN_006,
                                                            "lineage runs in a circle: "
                                                                    + circle
                                                                    + "; a model cannot stand on itself"));
                                            break;
                                        }
                                    }
                                }
                            });
        }
    }

    /**
     * The first circle reachable from {@code id}, as ids from its first model back to that model.
     */
    private static java.util.Optional<List<String>> findCycle(
            String id,
            java.util.Map<String, Loaded<Model>> byId,
            List<String> path,
            Set<String> done) {
        int at = path.indexOf(id);
        if (at >= 0) {
            List<String> cycle = new java.util.ArrayList<>(path.subList(at, path.size()));
            cycle.add(id);
            return java.util.Optional.of(cycle);
        }
        if (!done.add(id) || !byId.containsKey(id)) {
            return java.util.Optional.empty();
        }
        path.add(id);
        for (LineageLink link : byId.get(id).record().lineage()) {
            if (link.base().equals(id)) {
                continue; // a model naming itself is REF-007's finding
            }
            java.util.Optional<List<String>> found = findCycle(link.base(), byId, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        return java.util.Optional.empty();
    }
}
