package org.keizu.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keizu.model.Snapshot;

/**
 * A model's tokenizer compared with a base's, from their fingerprints: how many leading token ids
 * hold the same tokens in the same order. Blocks are compared in id order; a block of the smaller
 * vocabulary that is partial (its last) cannot be compared with the larger one's block at the same
 * ids, which holds more tokens, so {@link #sameIds} counts only ids the hashes prove equal: "the
 * first 31,744 of its 32,000 token ids", never a guess at the rest.
 *
 * <pre>
 *   TokenizerMatch.of(candidate, base).map(TokenizerMatch::outcome)  // PREFIX_EXTENDED
 * </pre>
 *
 * @param outcome what the comparison shows
 * @param sameIds how many leading token ids (0 to sameIds - 1) are proven to hold the same tokens
 *     in both; for {@link Outcome#IDENTICAL_FILE} every id
 * @param candidateIds the candidate's number of token ids (0 when its fingerprint does not say)
 * @param baseIds the base's number of token ids (0 when its fingerprint does not say)
 * @param sha256 the candidate's tokenizer.json hash
 */
public record TokenizerMatch(
        Outcome outcome, int sameIds, int candidateIds, int baseIds, String sha256) {

    public enum Outcome {
        /** The same tokenizer.json, byte for byte. */
        IDENTICAL_FILE,
        /** The files differ (special-token names, the chat template), every token id does not. */
        SAME_VOCABULARY,
        /**
         * The candidate is larger, and every id of the base that can be checked holds its token.
         */
        PREFIX_EXTENDED,
        /** The candidate is smaller, and every id of its own that can be checked is the base's. */
        TRIMMED,
        /** Some leading ids hold the same tokens, then they differ. */
        PARTLY_SHARED,
        /** The very first ids already differ. */
        UNRELATED
    }

    /**
     * The two fingerprints compared; empty when they cannot be: a fingerprint without blocks (an
     * older snapshot) and different files, or no full block on the smaller side to compare.
     */
    public static Optional<TokenizerMatch> of(
            Snapshot.TokenizerFingerprint candidate, Snapshot.TokenizerFingerprint base) {
        int candidateIds = size(candidate);
        int baseIds = size(base);
        if (candidate.sha256() != null && candidate.sha256().equals(base.sha256())) {
            return Optional.of(
                    new TokenizerMatch(
                            Outcome.IDENTICAL_FILE,
                            candidateIds,
                            candidateIds,
                            baseIds,
                            candidate.sha256()));
        }
        if (!candidate.hasBlocks() || !base.hasBlocks()) {
            return Optional.empty();
        }
        List<String> a = candidate.vocabBlocks();
        List<String> b = base.vocabBlocks();
        int leading = 0;
        while (leading < a.size() && leading < b.size() && a.get(leading).equals(b.get(leading))) {
            leading++;
        }
        int block = Snapshot.TokenizerFingerprint.BLOCK_IDS;
        Outcome outcome;
        int same;
        if (candidateIds == baseIds && leading == a.size() && a.size() == b.size()) {
            outcome = Outcome.SAME_VOCABULARY;
            same = candidateIds;
        } else {
            // Only full blocks of the smaller vocabulary can match the larger one's.
            int smaller = Math.min(candidateIds, baseIds);
            int fullBlocks = smaller / block;
            same = Math.min(leading, fullBlocks) * block;
            if (leading == 0) {
                if (fullBlocks == 0) {
                    return Optional.empty(); // fewer than a block's ids: nothing to compare
                }
                outcome = Outcome.UNRELATED;
            } else if (candidateIds != baseIds && leading >= fullBlocks) {
                outcome = candidateIds > baseIds ? Outcome.PREFIX_EXTENDED : Outcome.TRIMMED;
            } else {
                outcome = Outcome.PARTLY_SHARED;
            }
        }
        return Optional.of(
                new TokenizerMatch(outcome, same, candidateIds, baseIds, candidate.sha256()));
    }

    private static int size(Snapshot.TokenizerFingerprint f) {
        return f.vocabSizeTotal() == null ? 0 : f.vocabSizeTotal();
    }

    /**
     * True when the base's vocabulary opens the candidate's, as far as the fingerprints show:
     * identical, the same vocabulary, or the base's followed by more tokens.
     */
    public boolean baseOpensCandidate() {
        return outcome == Outcome.IDENTICAL_FILE
                || outcome == Outcome.SAME_VOCABULARY
                || outcome == Outcome.PREFIX_EXTENDED;
    }

    /**
     * True when the candidate's vocabulary opens the base's: identical, the same vocabulary, or the
     * base's cut short.
     */
    public boolean candidateOpensBase() {
        return outcome == Outcome.IDENTICAL_FILE
                || outcome == Outcome.SAME_VOCABULARY
                || outcome == Outcome.TRIMMED;
    }

    /**
     * The comparison as something else that matches the base ("Also matching: …"), for an outcome
     * that raises the grade.
     */
    public Phrase corroboration() {
        return phrase("corroboration_tokenizer");
    }

    /** The comparison as a sentence of its own, for an outcome that does not raise the grade. */
    public Phrase note() {
        return phrase("tokenizer");
    }

    private Phrase phrase(String prefix) {
        String key = prefix + "_" + outcome.name().toLowerCase(Locale.ROOT);
        return switch (outcome) {
            case IDENTICAL_FILE -> Phrase.of(key, sha256.substring(0, 12));
            case SAME_VOCABULARY -> Phrase.of(key, number(sameIds));
            case PREFIX_EXTENDED ->
                    Phrase.of(
                            key,
                            number(sameIds - 1),
                            number(sameIds),
                            number(baseIds),
                            number(candidateIds));
            case TRIMMED ->
                    Phrase.of(
                            key,
                            number(sameIds - 1),
                            number(sameIds),
                            number(candidateIds),
                            number(baseIds));
            case PARTLY_SHARED ->
                    Phrase.of(key, number(sameIds - 1), number(candidateIds), number(baseIds));
            case UNRELATED -> Phrase.of(key, number(candidateIds), number(baseIds));
        };
    }

    /** A count as the bundle's English prints it: 31,744. */
    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
