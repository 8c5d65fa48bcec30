package org.keizu.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.keizu.load.Loaded;
import org.keizu.load.LoadedSnapshot;
import org.keizu.model.Model;
import org.keizu.model.Snapshot;
import org.keizu.registry.Registry;

/**
 * Every model that has a snapshot with a config, ready to compare: the bases the detector knows.
 * Built once per run by {@link Analysis}, which makes every comparison the later phases read;
 * {@code keizu detect} ranks an outside config against it.
 */
public final class DetectionIndex {
    private final Map<String, LineageDetector.Subject> subjects = new TreeMap<>();
    private final Map<String, LoadedSnapshot> snapshots = new TreeMap<>();

    /** A held base's declared parent whose shape it keeps (a fine-tune's base), by base id. */
    private final Map<String, String> sameShapeParents = new TreeMap<>();

    private final LineageDetector detector;
    private final ArchitectureClasses classes;
    private final Optional<WeightRule> weightRule;

    private DetectionIndex(ArchitectureClasses classes, Optional<WeightRule> weightRule) {
        this.classes = classes;
        this.weightRule = weightRule;
        this.detector = new LineageDetector(weightRule);
    }

    /** The rule weights comparisons are judged by; empty when they are shown unjudged. */
    public Optional<WeightRule> weightRule() {
        return weightRule;
    }

    public static DetectionIndex of(Registry registry) {
        return of(registry, ArchitectureClasses.NONE);
    }

    /** Every held snapshot's config, with classes compared as {@code classes} says. */
    public static DetectionIndex of(Registry registry, ArchitectureClasses classes) {
        return of(registry, classes, Optional.empty());
    }

    /**
     * Every held snapshot's config, with classes compared as {@code classes} says and weights
     * fingerprints judged by {@code weightRule}.
     */
    public static DetectionIndex of(
            Registry registry, ArchitectureClasses classes, Optional<WeightRule> weightRule) {
        DetectionIndex index = new DetectionIndex(classes, weightRule);
        for (Loaded<Model> loaded : registry.models()) {
            Model model = loaded.record();
            if (model.snapshot() == null) {
                continue;
            }
            // A snapshot whose bytes do not match its hashes is reported by SnapshotCheck and not
            // used.
            registry.snapshot(model.snapshot())
                    .filter(LoadedSnapshot::intact)
                    .ifPresent(
                            s ->
                                    s.config()
                                            .ifPresent(
                                                    config -> {
                                                        LineageDetector.Subject subject =
                                                                index.subject(
                                                                        model.id(),
                                                                        s.snapshot(),
                                                                        config);
                                                        index.subjects.put(
                                                                model.id(),
                                                                s.weights()
                                                                        .map(subject::withWeights)
                                                                        .orElse(subject));
                                                        index.snapshots.put(model.id(), s);
                                                    }));
        }
        for (Loaded<Model> loaded : registry.models()) {
            Model model = loaded.record();
            if (index.subjects.containsKey(model.id())) {
                index.sameShapeParent(model)
                        .ifPresent(p -> index.sameShapeParents.put(model.id(), p));
            }
        }
        return index;
    }

    /**
     * The base a held model declares it keeps the shape of: a fine-tune's base, or a continued
     * pre-training's whose held config has exactly its shape. A config that fits the model fits
     * that parent as well, so the detector names both rather than pick the child.
     */
    private Optional<String> sameShapeParent(Model model) {
        for (var link : model.lineage()) {
            if (!link.grade().atLeast(org.keizu.model.Grade.E2)) {
                continue;
            }
            boolean keepsShape =
                    switch (link.relation()) {
                        case FINE_TUNE ->
                                compare(model.id(), link.base())
                                        .map(Comparison::exactShape)
                                        .orElse(true);
                        case CONTINUED_PRETRAINING ->
                                compare(model.id(), link.base())
                                        .map(Comparison::exactShape)
                                        .orElse(false);
                        default -> false;
                    };
            if (keepsShape) {
                return Optional.of(link.base());
            }
        }
        return Optional.empty();
    }

    /**
     * A snapshot as the detector sees it: its config, its tokenizer's fingerprint and its NOTICE's
     * hash.
     */
    public LineageDetector.Subject subject(String id, Snapshot snapshot, JsonNode config) {
        Optional<Snapshot.TokenizerFingerprint> tokenizer =
                Optional.ofNullable(snapshot.tokenizer());
        Optional<String> notice =
                snapshot.files().stream()
                        .filter(f -> f.name().equals("NOTICE"))
                        .findFirst()
                        .map(Snapshot.SnapshotFile::sha256);
        return new LineageDetector.Subject(
                id, NormalisedConfig.of(config, classes), tokenizer, notice);
    }

    /** A config from outside the registry (keizu detect), compared as the held ones are. */
    public LineageDetector.Subject outsider(String id, JsonNode config) {
        return LineageDetector.Subject.of(id, config, classes);
    }

    public boolean has(String modelId) {
        return subjects.containsKey(modelId);
    }

    public Optional<LoadedSnapshot> snapshotOf(String modelId) {
        return Optional.ofNullable(snapshots.get(modelId));
    }

    /** The model's config compared with one base's, when both have a snapshot. */
    public Optional<Comparison> compare(String modelId, String baseId) {
        LineageDetector.Subject self = subjects.get(modelId);
        LineageDetector.Subject base = subjects.get(baseId);
        return self == null || base == null
                ? Optional.empty()
                : Optional.of(detector.compare(self, base));
    }

    /** Every other known base, ranked for this model; empty when the model has no snapshot. */
    public List<Comparison> candidates(String modelId) {
        LineageDetector.Subject self = subjects.get(modelId);
        if (self == null) {
            return List.of();
        }
        return detector.rank(self, bases(modelId), sameShapeParents);
    }

    /** Ranks every known base for a config from outside the registry ({@code keizu detect}). */
    public List<Comparison> candidates(LineageDetector.Subject outsider) {
        return detector.rank(outsider, bases(null), sameShapeParents);
    }

    private List<LineageDetector.Subject> bases(String except) {
        return subjects.entrySet().stream()
                .filter(e -> !e.getKey().equals(except))
                .map(Map.Entry::getValue)
                .toList();
    }
}
