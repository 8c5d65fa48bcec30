package org.keizu.lineage;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.keizu.load.LoadedSnapshot;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.registry.Registry;

/**
 * Phase 3, analyse: what the registry concludes about each model, computed once per model (when
 * first asked for) from the validated registry and read by every later phase (the lineage check,
 * the pages, the open data). What it answers never changes.
 *
 * <ul>
 *   <li>the verdict and its headline ({@link VerdictRule});
 *   <li>the link that represents the model in tables ({@link #principalLink});
 *   <li>its chain of derivation ({@link DerivationChains});
 *   <li>its config compared with each declared base, and the detector's other candidates.
 * </ul>
 */
public final class Analysis {
    /**
     * What is concluded about one model.
     *
     * @param declared the config comparison with each declared base that has a snapshot, by base
     *     id, in lineage order
     * @param candidates the detector's undeclared candidates that share at least the architecture
     *     (E1 or above), best first, at most {@link #MAX_CANDIDATES}
     * @param ancestors the derivation chain upwards, nearest base first (empty when it derives from
     *     nothing held)
     * @param examined whether the registry records any claim or lineage for it
     * @param onForeignBase whether it reuses artefacts (weights, a component, a tokenizer) of a
     *     held model from another country
     */
    public record ModelAnalysis(
            VerdictRule.Finding verdict,
            Optional<LineageLink> principalLink,
            Map<String, Comparison> declared,
            Candidates undeclared,
            List<String> ancestors,
            Optional<LoadedSnapshot> snapshot,
            boolean examined,
            boolean onForeignBase) {
        public ModelAnalysis {
            declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
            ancestors = List.copyOf(ancestors);
        }

        /** The undeclared candidates, ranked on first use. */
        public List<Comparison> candidates() {
            return undeclared.get();
        }
    }

    /**
     * A model's undeclared candidates, ranked when first asked for and then kept: the pages need
     * them, but {@code keizu validate} never does, and ranking every held config against every
     * other is most of the analysis. Safe to ask from several threads.
     */
    public static final class Candidates {
        private final Supplier<List<Comparison>> ranking;
        private volatile List<Comparison> ranked;

        Candidates(Supplier<List<Comparison>> ranking) {
            this.ranking = ranking;
        }

        List<Comparison> get() {
            List<Comparison> result = ranked;
            if (result == null) {
                synchronized (this) {
                    result = ranked;
                    if (result == null) {
                        result = List.copyOf(ranking.get());
                        ranked = result;
                    }
                }
            }
            return result;
        }
    }

    /**
     * The undeclared bases kept per model, best first: its evidence page shows the first three and
     * a base's family page lists the model under each. Every held config is ranked, but a registry
     * that holds many configs of one shape (fine-tunes of one base) would otherwise keep every pair
     * of them, memory growing with the square of the configs held, for fits weaker than the ten
     * best.
     */
    static final int MAX_CANDIDATES = 10;

    /**
     * Each model's analysis, made when first asked for and then kept: a page of one model (an
     * earlier version's, or {@code keizu serve}'s first look at an edit) needs its own and its
     * relatives', not those of the whole registry. Safe to ask from several threads; a model's
     * analysis depends only on the registry, so the order in which they are made changes nothing.
     */
    private final Map<String, ModelAnalysis> models = new ConcurrentHashMap<>();

    private final Registry registry;
    private final DerivationChains chains;
    private final DetectionIndex detection;
    private final VerdictRule verdicts;

    private Analysis(Registry registry, DetectionIndex detection) {
        this(registry, detection, new DerivationChains(registry.modelsById()));
    }

    private Analysis(Registry registry, DetectionIndex detection, DerivationChains chains) {
        this.registry = registry;
        this.detection = detection;
        this.verdicts = new VerdictRule(registry.modelsById());
        this.chains = chains;
    }

    /**
     * Analyses every model. Safe on a registry that failed validation (a base that is not held is
     * simply not compared), so that the lineage check can report alongside every other finding.
     */
    public static Analysis of(Registry registry) {
        return of(registry, ArchitectureClasses.NONE);
    }

    /** As {@link #of(Registry)}, comparing architecture classes as {@code classes} says. */
    public static Analysis of(Registry registry, ArchitectureClasses classes) {
        return new Analysis(registry, DetectionIndex.of(registry, classes));
    }

    /**
     * As {@link #of(Registry, ArchitectureClasses)}, judging weights fingerprints by {@code
     * weightRule}.
     */
    public static Analysis of(
            Registry registry, ArchitectureClasses classes, Optional<WeightRule> weightRule) {
        return new Analysis(registry, DetectionIndex.of(registry, classes, weightRule));
    }

    /**
     * Analyses the registry with one model's record replaced by another state of it ({@link
     * Registry#withModel}): an earlier version, or an edit in {@code keizu serve} that changed
     * neither the model's snapshot nor, when it holds one, its lineage. The configs are the same,
     * so the detection index is reused; and when {@code replacement} declares the lineage the model
     * had, so are the chains of derivation, which are made of nothing else (an edit in {@code keizu
     * serve} seldom touches the lineage, and the chains take a good part of showing it at 10,000
     * records).
     */
    public Analysis withModel(Registry replaced, Model replacement) {
        boolean sameLineage =
                registry.model(replacement.id())
                        .map(m -> m.lineage().equals(replacement.lineage()))
                        .orElse(false);
        return sameLineage
                ? new Analysis(replaced, detection, chains)
                : new Analysis(replaced, detection);
    }

    /** What is concluded about one model (the first record of its id, as the registry keeps). */
    private ModelAnalysis analyse(Model model) {
        Map<String, Comparison> declared = new LinkedHashMap<>();
        for (LineageLink link : model.lineage()) {
            detection
                    .compare(model.id(), link.base())
                    .ifPresent(c -> declared.putIfAbsent(link.base(), c));
        }
        Candidates candidates =
                new Candidates(
                        () ->
                                detection.candidates(model.id()).stream()
                                        .filter(
                                                c ->
                                                        !isDeclared(model, c.base())
                                                                && c.grade().atLeast(Grade.E1))
                                        .limit(MAX_CANDIDATES)
                                        .toList());
        List<String> ancestors = chains.ancestors(model.id());
        boolean examined = !model.claims().isEmpty() || !model.lineage().isEmpty();
        boolean onForeignBase =
                model.lineage().stream()
                        .filter(l -> l.relation().reusesArtefacts())
                        .anyMatch(
                                l ->
                                        registry.model(l.base())
                                                .filter(b -> !b.country().equals(model.country()))
                                                .isPresent());
        return new ModelAnalysis(
                verdicts.judge(model),
                principalLink(model),
                declared,
                candidates,
                ancestors,
                detection.snapshotOf(model.id()),
                examined,
                onForeignBase);
    }

    /** The model's analysis; every model of the registry has one. */
    public ModelAnalysis of(String modelId) {
        ModelAnalysis analysis = models.get(modelId);
        if (analysis != null) {
            return analysis;
        }
        Model model =
                registry.model(modelId)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no model "
                                                        + modelId
                                                        + " in the analysed registry"));
        return models.computeIfAbsent(modelId, id -> analyse(model));
    }

    /**
     * The verdict on another state of a held model's record (an earlier version), judged against
     * the registry as it stands: what a feed says a change did to the verdict.
     */
    public VerdictRule.Finding judge(Model version) {
        return verdicts.judge(version);
    }

    /** The model's config compared with a declared base's, when both have a snapshot. */
    public Optional<Comparison> declaredComparison(String modelId, String baseId) {
        return Optional.ofNullable(of(modelId).declared().get(baseId));
    }

    /**
     * Every model that derives from {@code baseId} through at least one other model, each as its
     * path from the base down to it (base first, the model last), ordered by path.
     */
    public List<List<String>> indirectDescendants(String baseId) {
        return chains.indirectDescendants(baseId);
    }

    /** The models that derive directly from this one, as the chains run (by id). */
    public List<String> children(String modelId) {
        return chains.children(modelId);
    }

    /** The rule the weights comparisons were judged by, for pages that explain or draw it. */
    public Optional<WeightRule> weightRule() {
        return detection.weightRule();
    }

    /** The configs the detector knows, for ranking a config from outside the registry. */
    public DetectionIndex detection() {
        return detection;
    }

    /**
     * The link that represents a model in tables and open data: a derivation before a component
     * before a shared architecture, the strongest grade first, so an architecture-only link is
     * shown only when nothing else is.
     */
    public static Optional<LineageLink> principalLink(Model model) {
        Comparator<LineageLink> byKind =
                Comparator.comparingInt(
                        l ->
                                l.relation().derivesWeights()
                                        ? 0
                                        : l.relation() == Relation.ARCHITECTURE_ONLY ? 2 : 1);
        return model.lineage().stream()
                .sorted(byKind.thenComparing(Comparator.comparing(LineageLink::grade).reversed()))
                .findFirst();
    }

    private static boolean isDeclared(Model model, String baseId) {
        return model.lineage().stream().anyMatch(l -> l.base().equals(baseId));
    }
}
