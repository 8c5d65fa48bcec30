package org.keizu.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keizu.model.Grade;
import org.keizu.model.Snapshot;
import org.keizu.model.WeightsFingerprint;

/**
 * Compares a model's config with base configs, field by field, in tiers (research/cases.md §2, §4):
 * A architecture class, B exact shape, C hyper-parameters, D token ids and packaging. Recognises
 * the known surgeries: a vocabulary extension or trim with everything else equal, depth up-scaling,
 * and the same widths with fewer layers.
 *
 * <p>A vocabulary extension, a trimmed vocabulary and fewer layers are leads (E1), never
 * derivations: from the config alone they fit every release of a family alike. A vocabulary
 * extension or trim is a lead only against a release whose signature ({@code rope_theta}) agrees;
 * among several that fit, the one with fewer differing hyper-parameters (sliding_window, context
 * length) ranks first.
 *
 * <p>Grades from the config alone go no higher than E2. E3 needs more than the config: the base's
 * NOTICE, or the tokenizers ({@link TokenizerMatch}) showing the base's vocabulary where the
 * finding puts it. The same shape or depth up-scaling with the base's vocabulary (identical file,
 * the same tokens, or the base's followed by more) is E3. A vocabulary extension is E3 only when
 * the base's vocabulary opens the model's, which is what tells one release from another (Mistral 7B
 * v0.1 from v0.3); a trimmed vocabulary only when the model's opens the base's. When the tokenizers
 * differ from the first ids, a vocabulary surgery is ruled out and the finding is
 * architecture-only. Whatever the tokenizers show that does not raise the grade is kept as a note.
 * A class match alone is E1, "uses the architecture", and is never reported as a derivation.
 *
 * <p>When both models have a weights fingerprint ({@link WeightsComparison}), the weights have the
 * last word: byte-identical tensors make E4 (the only E4 this class gives; otherwise E4 comes from
 * the makers' disclosure), weights correlated with the base's at least E3, and independent weights
 * turn a same-class finding into {@link #INDEPENDENT_WEIGHTS}, E1, whatever the config and the
 * tokenizer suggested.
 *
 * <pre>
 *   List&lt;Comparison&gt; ranked = new LineageDetector().rank(candidate, bases);
 * </pre>
 */
public final class LineageDetector {
    public static final String SAME_SHAPE = "same-shape";

    /** Every shape field equal, but a release setting differs: a sibling release, a lead. */
    public static final String OTHER_RELEASE = "other-release";

    /** Every shape field and release setting equal, and so for another base too: a lead. */
    public static final String SHAPE_SHARED = "shape-shared";

    public static final String VOCABULARY_EXTENSION = "vocabulary-extension";
    public static final String TRIMMED_VOCABULARY = "trimmed-vocabulary";
    public static final String DEPTH_UP_SCALING = "depth-up-scaling";
    public static final String FEWER_LAYERS = "fewer-layers";

    /** The base's vocabulary with narrower (and perhaps fewer) layers: a lead for pruning. */
    public static final String NARROWER = "narrower";

    public static final String ARCHITECTURE_ONLY = "architecture-only";

    /**
     * The same architecture class, and weights shown not to be the base's ({@link
     * WeightsComparison#INDEPENDENT}): whatever the config or tokenizer suggest, it uses the
     * architecture only.
     */
    public static final String INDEPENDENT_WEIGHTS = "independent-weights";

    public static final String UNRELATED = "unrelated";

    /** Fields that follow the layer count; a depth surgery changes them along with it. */
    private static final Set<String> DEPTH_FIELDS =
            Set.of("num_hidden_layers", "layer_types", "mlp_only_layers");

    private final Optional<WeightRule> weightRule;

    /** A detector that shows weights comparisons but judges none (no thresholds). */
    public LineageDetector() {
        this(Optional.empty());
    }

    /** A detector that judges weights comparisons by {@code weightRule}. */
    public LineageDetector(Optional<WeightRule> weightRule) {
        this.weightRule = weightRule;
    }

    /**
     * A config with what else is known of its files: its tokenizer's fingerprint, its NOTICE's hash
     * and its weights fingerprint, when stored.
     */
    public record Subject(
            String id,
            NormalisedConfig config,
            Optional<Snapshot.TokenizerFingerprint> tokenizer,
            Optional<String> noticeSha256,
            Optional<WeightsFingerprint> weights) {
        public Subject(
                String id,
                NormalisedConfig config,
                Optional<Snapshot.TokenizerFingerprint> tokenizer,
                Optional<String> noticeSha256) {
            this(id, config, tokenizer, noticeSha256, Optional.empty());
        }

        public static Subject of(String id, JsonNode config) {
            return of(id, config, ArchitectureClasses.NONE);
        }

        /** A config alone, with classes compared as the table says. */
        public static Subject of(String id, JsonNode config, ArchitectureClasses classes) {
            return new Subject(
                    id, NormalisedConfig.of(config, classes), Optional.empty(), Optional.empty());
        }

        /** The same subject with its tokenizer's fingerprint. */
        public Subject withTokenizer(Snapshot.TokenizerFingerprint fingerprint) {
            return new Subject(id, config, Optional.of(fingerprint), noticeSha256, weights);
        }

        /** The same subject with its weights fingerprint. */
        public Subject withWeights(WeightsFingerprint fingerprint) {
            return new Subject(id, config, tokenizer, noticeSha256, Optional.of(fingerprint));
        }
    }

    /**
     * Every base compared with the subject, best first: highest grade, then fewest shape
     * differences.
     */
    public List<Comparison> rank(Subject subject, List<Subject> bases) {
        return rank(subject, bases, Map.of());
    }

    /**
     * As {@link #rank(Subject, List)}, knowing which bases keep the shape of a declared parent
     * (base id to parent id): a config that fits such a base fits its parent alike.
     */
    public List<Comparison> rank(
            Subject subject, List<Subject> bases, Map<String, String> sameShapeParents) {
        List<Comparison> compared = bases.stream().map(base -> compare(subject, base)).toList();
        return ReleaseFits.withoutPicking(compared, sameShapeParents).stream()
                .sorted(
                        Comparator.comparing(Comparison::grade)
                                .reversed()
                                .thenComparingLong(Comparison::shapeDifferences)
                                .thenComparingInt(c -> c.different().size())
                                .thenComparing(Comparison::base))
                .toList();
    }

    public Comparison compare(Subject subject, Subject base) {
        NormalisedConfig self = subject.config();
        NormalisedConfig other = base.config();
        Set<String> fields = new TreeSet<>(self.fields().keySet());
        fields.addAll(other.fields().keySet());
        List<Comparison.FieldMatch> equal = new ArrayList<>();
        List<Comparison.FieldDifference> different = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = self.fields().get(field);
            JsonNode b = other.fields().get(field);
            if (ConfigValues.equal(a, b)) {
                equal.add(new Comparison.FieldMatch(field, ConfigFields.tierOf(field), a));
            } else {
                different.add(
                        new Comparison.FieldDifference(field, ConfigFields.tierOf(field), a, b));
            }
        }
        boolean sameClass = sameClass(self, other);
        Set<String> shapeDiffs = new TreeSet<>();
        different.stream().filter(d -> d.tier() == Tier.B).forEach(d -> shapeDiffs.add(d.field()));
        String finding = finding(self, other, sameClass, shapeDiffs);
        Optional<TokenizerMatch> tokenizer =
                subject.tokenizer()
                        .flatMap(a -> base.tokenizer().flatMap(b -> TokenizerMatch.of(a, b)));
        boolean tokenizersUnrelated =
                tokenizer.map(t -> t.outcome() == TokenizerMatch.Outcome.UNRELATED).orElse(false);
        if ((finding.equals(VOCABULARY_EXTENSION) || finding.equals(TRIMMED_VOCABULARY))
                && tokenizersUnrelated) {
            // The vocabularies differ from their first ids: whatever the shapes allow, this model's
            // vocabulary is not the base's extended or cut short.
            finding = ARCHITECTURE_ONLY;
        }
        Grade grade =
                switch (finding) {
                    case SAME_SHAPE, DEPTH_UP_SCALING -> Grade.E2;
                    // Leads, not findings: a larger or smaller vocabulary or fewer layers fits
                    // every release of a family alike (a model extending Mistral 7B v0.1's
                    // vocabulary fits v0.3 as well, whose extra token ids hold other tokens), so
                    // only the tokenizer or a disclosure can tell which base, if any, it is. The
                    // same holds for a shape with another release's settings, and sibling
                    // releases share their tokenizer, so no tokenizer raises that one.
                    case VOCABULARY_EXTENSION,
                            TRIMMED_VOCABULARY,
                            FEWER_LAYERS,
                            NARROWER,
                            OTHER_RELEASE,
                            ARCHITECTURE_ONLY ->
                            Grade.E1;
                    default -> Grade.E0;
                };
        List<Phrase> corroboration = new ArrayList<>();
        List<Phrase> notes = new ArrayList<>();
        if (tokenizer.isPresent()) {
            TokenizerMatch t = tokenizer.get();
            boolean corroborates =
                    switch (finding) {
                        case SAME_SHAPE, DEPTH_UP_SCALING, VOCABULARY_EXTENSION ->
                                t.baseOpensCandidate();
                        case TRIMMED_VOCABULARY -> t.candidateOpensBase();
                        default -> false;
                    };
            if (corroborates) {
                corroboration.add(t.corroboration());
            } else {
                notes.add(t.note());
            }
        }
        if (grade == Grade.E2
                && subject.noticeSha256().isPresent()
                && subject.noticeSha256().equals(base.noticeSha256())) {
            corroboration.add(Phrase.of("corroboration_notice"));
        }
        if (!corroboration.isEmpty()) {
            grade = Grade.E3;
        }
        Optional<WeightsComparison> weights = weights(subject, base, tokenizer);
        if (weights.isPresent()) {
            WeightsComparison w = weights.get();
            switch (w.finding()) {
                case WeightsComparison.IDENTICAL -> {
                    corroboration.add(
                            Phrase.of(
                                    "corroboration_weights_identical",
                                    Integer.toString(w.identical()),
                                    Integer.toString(w.compared())));
                    grade = Grade.E4;
                }
                case WeightsComparison.CORRELATED -> {
                    corroboration.add(
                            Phrase.of(
                                    "corroboration_weights_correlated",
                                    Integer.toString(w.compared()),
                                    WeightsComparison.format(w.medianR())));
                    if (!grade.atLeast(Grade.E3)) {
                        grade = Grade.E3;
                    }
                }
                case WeightsComparison.INDEPENDENT -> {
                    // Weights trained apart outweigh a shared shape or tokenizer (a model trained
                    // from scratch with a family's tokenizer has both): those stay as notes.
                    notes.addAll(corroboration);
                    corroboration.clear();
                    notes.add(
                            Phrase.of(
                                    "note_weights_independent",
                                    Integer.toString(w.compared()),
                                    WeightsComparison.format(w.medianR())));
                    if (sameClass) {
                        finding = INDEPENDENT_WEIGHTS;
                        grade = Grade.E1;
                    }
                }
                default ->
                        notes.add(
                                Phrase.of(
                                        "note_" + w.finding().replace('-', '_'),
                                        Integer.toString(w.compared()),
                                        WeightsComparison.format(w.medianR())));
            }
        }
        return new Comparison(
                base.id(),
                grade,
                finding,
                sameClass,
                equal,
                different,
                corroboration,
                notes,
                tokenizer,
                List.of(),
                weights);
    }

    /**
     * The two weights fingerprints compared, when both exist and there is a rule to judge them;
     * embedding rows only at ids the tokenizers are shown to share.
     */
    private Optional<WeightsComparison> weights(
            Subject subject, Subject base, Optional<TokenizerMatch> tokenizer) {
        if (weightRule.isEmpty() || subject.weights().isEmpty() || base.weights().isEmpty()) {
            return Optional.empty();
        }
        int sameIds =
                tokenizer
                        .map(
                                t ->
                                        t.outcome() == TokenizerMatch.Outcome.IDENTICAL_FILE
                                                ? Integer.MAX_VALUE
                                                : t.sameIds())
                        .orElse(0);
        return WeightsComparison.of(
                subject.weights().get(), base.weights().get(), sameIds, weightRule.get());
    }

    private static boolean sameClass(NormalisedConfig a, NormalisedConfig b) {
        Optional<String> classA = a.comparedClass();
        Optional<String> classB = b.comparedClass();
        if (classA.isPresent() && classB.isPresent()) {
            return classA.equals(classB);
        }
        return a.get("model_type").isPresent()
                && ConfigValues.equal(a.get("model_type").get(), b.get("model_type").orElse(null));
    }

    private static String finding(
            NormalisedConfig self,
            NormalisedConfig base,
            boolean sameClass,
            Set<String> shapeDiffs) {
        if (!sameClass) {
            return UNRELATED;
        }
        if (shapeDiffs.isEmpty()) {
            return ReleaseFits.sameRelease(self, base) ? SAME_SHAPE : OTHER_RELEASE;
        }
        // rope_theta alone here: continued pre-training that extends a vocabulary often changes the
        // context length too, but not the RoPE base of the release it starts from.
        if (shapeDiffs.equals(Set.of("vocab_size"))
                && ReleaseFits.sameSetting(self, base, "rope_theta")) {
            int vocabulary = compare(self, base, "vocab_size");
            if (vocabulary > 0) {
                return VOCABULARY_EXTENSION;
            }
            if (vocabulary < 0) {
                return TRIMMED_VOCABULARY;
            }
        }
        if (shapeDiffs.contains("num_hidden_layers") && DEPTH_FIELDS.containsAll(shapeDiffs)) {
            int layers = compare(self, base, "num_hidden_layers");
            if (layers > 0) {
                return DEPTH_UP_SCALING;
            }
            if (layers < 0) {
                return FEWER_LAYERS;
            }
        }
        if (narrower(self, base, shapeDiffs)) {
            return NARROWER;
        }
        return ARCHITECTURE_ONLY;
    }

    /** Fields width pruning cuts down (with depth pruning, the layer count too). */
    private static final Set<String> PRUNED_FIELDS =
            Set.of(
                    "hidden_size",
                    "intermediate_size",
                    "num_attention_heads",
                    "num_key_value_heads",
                    "head_dim",
                    "num_hidden_layers",
                    "layer_types",
                    "mlp_only_layers");

    /**
     * Width pruning (Sheared-LLaMA, Minitron) keeps the base's vocabulary and RoPE base and cuts
     * the widths, and perhaps the depth: every differing shape field is one of those, and none is
     * larger than the base's. Models trained from scratch with a family's tokenizer fit too, so
     * this is only ever a lead.
     */
    private static boolean narrower(
            NormalisedConfig self, NormalisedConfig base, Set<String> shapeDiffs) {
        if (!shapeDiffs.contains("hidden_size")
                || !PRUNED_FIELDS.containsAll(shapeDiffs)
                || !ReleaseFits.sameSetting(self, base, "rope_theta")) {
            return false;
        }
        return shapeDiffs.stream()
                .filter(f -> !f.equals("layer_types") && !f.equals("mlp_only_layers"))
                .allMatch(f -> compare(self, base, f) < 0);
    }

    /** Compares a numeric field of two configs; 0 when either lacks it or it is not a number. */
    private static int compare(NormalisedConfig a, NormalisedConfig b, String field) {
        JsonNode x = a.get(field).orElse(null);
        JsonNode y = b.get(field).orElse(null);
        if (x == null || y == null || !x.isNumber() || !y.isNumber()) {
            return 0;
        }
        return Objects.compare(x.decimalValue(), y.decimalValue(), Comparator.naturalOrder());
    }
}
