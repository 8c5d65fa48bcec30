package org.keizu.lineage;

import java.util.List;
import org.keizu.model.Grade;

/**
 * One config compared with one base: the grade the config alone supports (E0–E2, E3 with a matching
 * tokenizer or NOTICE), what relation it suggests, and every field that is equal or differs.
 *
 * @param finding what the shapes suggest: same-shape, vocabulary-extension, trimmed-vocabulary,
 *     depth-up-scaling, fewer-layers, architecture-only or unrelated; in words, the bundle's {@code
 *     finding_<finding>}
 * @param corroboration what else matches the base (tokenizer, NOTICE) and raised the grade, as
 *     phrases of the bundle
 * @param notes what else the files show that did not raise the grade (tokenizers that differ, or
 *     agree in a way the finding does not need), as phrases of the bundle
 * @param tokenizer the two tokenizers compared, when both snapshots have a fingerprint that allows
 *     it
 * @param alsoFits the other bases the config fits exactly as well ({@code shape-shared}), by id
 * @param weights the two weights fingerprints compared, when both snapshots have one
 */
public record Comparison(
        String base,
        Grade grade,
        String finding,
        boolean sameClass,
        List<FieldMatch> matches,
        List<FieldDifference> different,
        List<Phrase> corroboration,
        List<Phrase> notes,
        java.util.Optional<TokenizerMatch> tokenizer,
        List<String> alsoFits,
        java.util.Optional<WeightsComparison> weights) {
    public Comparison {
        matches = List.copyOf(matches);
        different = List.copyOf(different);
        corroboration = List.copyOf(corroboration);
        notes = List.copyOf(notes);
        alsoFits = List.copyOf(alsoFits);
    }

    /** This exact fit demoted to a lead: {@code others} fit the config exactly as well. */
    Comparison sharedWith(List<String> others) {
        return new Comparison(
                base,
                Grade.E1,
                LineageDetector.SHAPE_SHARED,
                sameClass,
                matches,
                different,
                corroboration,
                notes,
                tokenizer,
                others,
                weights);
    }

    /** The names of the equal fields, in name order. */
    public List<String> equal() {
        return matches.stream().map(FieldMatch::field).toList();
    }

    /** One field with the same value in both configs. */
    public record FieldMatch(
            String field, Tier tier, com.fasterxml.jackson.databind.JsonNode value) {
        public String text() {
            return ConfigValues.show(value);
        }
    }

    /**
     * One field whose values differ, with its tier; a null value means the config lacks the field.
     */
    public record FieldDifference(
            String field,
            Tier tier,
            com.fasterxml.jackson.databind.JsonNode thisValue,
            com.fasterxml.jackson.databind.JsonNode baseValue) {
        /** The value as printed: text without quotes, "absent" when missing. */
        public String thisText() {
            return ConfigValues.show(thisValue);
        }

        public String baseText() {
            return ConfigValues.show(baseValue);
        }
    }

    /**
     * True when the shapes allow the model to carry the base's weights (as is, or after a known
     * surgery), whatever the grade: a declared vocabulary extension is consistent with its base's
     * config, though the config alone would only make it a lead.
     */
    public boolean shapeCompatible() {
        return switch (finding) {
            case LineageDetector.SAME_SHAPE,
                    LineageDetector.OTHER_RELEASE,
                    LineageDetector.SHAPE_SHARED,
                    LineageDetector.VOCABULARY_EXTENSION,
                    LineageDetector.TRIMMED_VOCABULARY,
                    LineageDetector.DEPTH_UP_SCALING,
                    LineageDetector.FEWER_LAYERS,
                    LineageDetector.NARROWER ->
                    true;
            default -> false;
        };
    }

    /** True when every shape field is equal, with no surgery needed. */
    public boolean exactShape() {
        return finding.equals(LineageDetector.SAME_SHAPE)
                || finding.equals(LineageDetector.OTHER_RELEASE)
                || finding.equals(LineageDetector.SHAPE_SHARED);
    }

    public long shapeDifferences() {
        return different.stream().filter(d -> d.tier() == Tier.B).count();
    }
}
