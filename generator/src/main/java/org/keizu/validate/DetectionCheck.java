package org.keizu.validate;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.Comparison;
import org.keizu.lineage.LineageDetector;
import org.keizu.lineage.WeightsComparison;
import org.keizu.load.Loaded;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.registry.Registry;

/**
 * A record's declared lineage agrees with what the detector finds where both configs are in the
 * registry. Declaring a weight derivation, or grade E2, when the shapes differ beyond a known
 * surgery is an error; declaring architecture-only when the shapes match exactly asks for review.
 * Distillation is exempt from the shape rule: a student need not have its teacher's shape. Runs in
 * the analyse phase, on the comparisons the analysis made once.
 */
public final class DetectionCheck implements RegistryCheck {
    private final Analysis analysis;

    /**
     * @param analysis the registry's analysis, which holds each declared link's config comparison
     */
    public DetectionCheck(Analysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        for (Loaded<Model> loaded : registry.models()) {
            List<LineageLink> lineage = loaded.record().lineage();
            for (int i = 0; i < lineage.size(); i++) {
                LineageLink link = lineage.get(i);
                Optional<Comparison> found =
                        analysis.declaredComparison(loaded.record().id(), link.base());
                if (found.isEmpty()) {
                    continue; // one of the two has no snapshot: nothing to check against
                }
                Comparison c = found.get();
                String at = "/lineage/" + i;
                boolean needsShape =
                        (link.relation().derivesWeights()
                                        && link.relation() != Relation.DISTILLATION)
                                || (link.grade() == Grade.E2
                                        && link.relation() != Relation.ARCHITECTURE_ONLY);
                if (link.relation().derivesWeights()
                        && c.finding().equals(LineageDetector.INDEPENDENT_WEIGHTS)) {
                    out.accept(
                            Finding.warning(
                                    loaded.file(),
                                    loaded.at(at + "/relation"),
                                    Check.LIN_007,
                                    link.relation().term()
                                            + " declared, yet the weights fingerprints show weights"
                                            + " independent of "
                                            + link.base()
                                            + "'s (median correlation "
                                            + c.weights()
                                                    .map(w -> WeightsComparison.format(w.medianR()))
                                                    .orElse("–")
                                            + "): review the relation, or whether the"
                                            + " fingerprints are of the right releases"));
                } else if (needsShape && !c.shapeCompatible()) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    loaded.at(at + "/relation"),
                                    Check.LIN_004,
                                    link.relation().term()
                                            + " at "
                                            + link.grade()
                                            + " needs "
                                            + link.base()
                                            + "'s shape, but the configs differ in "
                                            + shapeFields(c)
                                            + " ("
                                            + c.finding()
                                            + ", "
                                            + c.grade()
                                            + ")"));
                } else if (link.relation() == Relation.ARCHITECTURE_ONLY && !c.sameClass()) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    loaded.at(at + "/relation"),
                                    Check.LIN_004,
                                    "architecture-only, but the configs name different architecture classes"));
                } else if (link.relation() == Relation.ARCHITECTURE_ONLY && c.exactShape()) {
                    out.accept(
                            Finding.warning(
                                    loaded.file(),
                                    loaded.at(at + "/relation"),
                                    Check.LIN_005,
                                    "declared architecture-only, yet every shape field equals "
                                            + link.base()
                                            + "'s: review whether the weights could be reused (E2)"));
                }
            }
        }
    }

    private static String shapeFields(Comparison c) {
        return c.different().stream()
                .filter(d -> d.tier() == org.keizu.lineage.Tier.B)
                .limit(6)
                .map(d -> d.field() + " " + d.thisText() + " vs " + d.baseText())
                .collect(Collectors.joining(", "));
    }
}
