package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.fetch.SnapshotFetcher;
import org.keizu.fetch.VocabularyBlocks;
import org.keizu.load.RecordMapper;
import org.keizu.model.Snapshot;
import org.keizu.render.Messages;

/**
 * Tokenizers compared by their fingerprints: real ones (src/test/resources/detector/tokenizers,
 * fingerprints of the tokenizer.json files its SOURCES.md names) and small ones written here for
 * the outcomes no real pair at hand shows.
 */
class TokenizerMatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages MESSAGES =
            new Messages(Messages.bundle(TestRegistries.TEMPLATES));

    /** The committed fingerprint of a real tokenizer.json. */
    static Snapshot.TokenizerFingerprint real(String family) {
        try {
            return RecordMapper.snapshotJson()
                    .readValue(
                            TestRegistries.REPO
                                    .resolve("generator/src/test/resources/detector/tokenizers")
                                    .resolve(family + ".json")
                                    .toFile(),
                            Snapshot.TokenizerFingerprint.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The fingerprint of a tokenizer.json written here: a BPE vocabulary of these tokens. */
    static Snapshot.TokenizerFingerprint generated(List<String> tokens) {
        ObjectNode tokenizer = JSON.createObjectNode();
        ObjectNode vocab = tokenizer.putObject("model").put("type", "BPE").putObject("vocab");
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(tokens.get(id), id);
        }
        return fingerprint(tokenizer);
    }

    /** The same tokens as Unigram writes them: an array of [token, score], the index the id. */
    static Snapshot.TokenizerFingerprint unigram(List<String> tokens) {
        ObjectNode tokenizer = JSON.createObjectNode();
        ArrayNode vocab = tokenizer.putObject("model").put("type", "Unigram").putArray("vocab");
        for (int id = 0; id < tokens.size(); id++) {
            vocab.addArray().add(tokens.get(id)).add(-1.0 - id);
        }
        return fingerprint(tokenizer);
    }

    private static Snapshot.TokenizerFingerprint fingerprint(ObjectNode tokenizer) {
        byte[] bytes = tokenizer.toString().getBytes(StandardCharsets.UTF_8);
        VocabularyBlocks blocks = VocabularyBlocks.of(tokenizer).orElseThrow();
        return new Snapshot.TokenizerFingerprint(
                "tokenizer.json",
                SnapshotFetcher.sha256(bytes),
                bytes.length,
                blocks.total(),
                blocks.total(),
                null,
                List.of(),
                blocks.blocks());
    }

    /** Made-up tokens: {@code prefix} and the number, for {@code n} ids. */
    static List<String> tokens(String prefix, int n) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(prefix + i);
        }
        return tokens;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static TokenizerMatch match(
            Snapshot.TokenizerFingerprint candidate, Snapshot.TokenizerFingerprint base) {
        return TokenizerMatch.of(candidate, base).orElseThrow();
    }

    // ---- real tokenizers ----

    /**
     * MiniCPM-V 4.5, a vision-language model built on Qwen3, keeps Qwen3's vocabulary and adds its
     * own tokens after it: every full block of Qwen3's ids is the same; its last 117 ids sit in a
     * block that MiniCPM-V fills further, so they are not counted.
     */
    @Test
    void miniCpmV45ExtendsQwen3sVocabulary() {
        TokenizerMatch m = match(real("minicpm_v4_5"), real("qwen3"));
        assertEquals(TokenizerMatch.Outcome.PREFIX_EXTENDED, m.outcome());
        assertEquals(151_552, m.sameIds());
        assertEquals(151_669, m.baseIds());
        assertEquals(151_748, m.candidateIds());
        String words = MESSAGES.format(m.corroboration());
        assertTrue(
                words.contains("token ids 0–151,551 hold the same tokens in the same order")
                        && words.contains("the first 151,552 of the base's 151,669")
                        && words.contains("goes on to 151,748 ids"),
                words);
        assertTrue(m.baseOpensCandidate());
        assertFalse(m.candidateOpensBase());
    }

    /**
     * Llama 3 against the two later files: the one published as Llama 3.1's holds Llama 3's
     * vocabulary id for id, in a different file (its post-processor differs); Llama 3.2's renames
     * reserved special tokens in the last block (ids 128,000–128,255: {@code <|eom_id|>}, {@code
     * <|python_tag|>}, ...), so only the first 128,000 ids are the same.
     */
    @Test
    void llama3AndItsLaterReleases() {
        TokenizerMatch llama31 = match(real("llama3_1"), real("llama3"));
        assertEquals(TokenizerMatch.Outcome.SAME_VOCABULARY, llama31.outcome());
        assertEquals(128_256, llama31.sameIds());
        TokenizerMatch llama32 = match(real("llama3_2"), real("llama3"));
        assertEquals(TokenizerMatch.Outcome.PARTLY_SHARED, llama32.outcome());
        assertEquals(128_000, llama32.sameIds());
        assertEquals(
                TokenizerMatch.Outcome.PARTLY_SHARED,
                match(real("llama3_2"), real("llama3_1")).outcome());
        assertTrue(
                MESSAGES.format(llama32.note()).contains("agree on token ids 0–127,999"),
                MESSAGES.format(llama32.note()));
    }

    /**
     * The package named llama2 holds Mistral 7B v0.1's vocabulary ("▁" is id 28705); against
     * Gemma's either way round, nothing is shared from id 0 on.
     */
    @Test
    void theLlama2PackagesVocabularyAndGemmasAreUnrelated() {
        assertEquals(
                TokenizerMatch.Outcome.UNRELATED, match(real("llama2"), real("gemma")).outcome());
        TokenizerMatch m = match(real("gemma"), real("llama2"));
        assertEquals(TokenizerMatch.Outcome.UNRELATED, m.outcome());
        assertEquals(0, m.sameIds());
        assertFalse(m.baseOpensCandidate() || m.candidateOpensBase());
        assertEquals(
                TokenizerMatch.Outcome.UNRELATED,
                match(real("mistral_nemo"), real("llama2")).outcome());
    }

    /**
     * Qwen3 is Qwen2.5's vocabulary and four more tokens (the tool-response and thinking markers,
     * ids 151,665–151,668): prefix-extended one way, trimmed the other. Qwen1.5's opens both.
     */
    @Test
    void qwen3ExtendsQwen25sVocabulary() {
        TokenizerMatch m = match(real("qwen3"), real("qwen2_5"));
        assertEquals(TokenizerMatch.Outcome.PREFIX_EXTENDED, m.outcome());
        assertEquals(151_552, m.sameIds());
        assertEquals(151_665, m.baseIds());
        assertEquals(151_669, m.candidateIds());
        TokenizerMatch back = match(real("qwen2_5"), real("qwen3"));
        assertEquals(TokenizerMatch.Outcome.TRIMMED, back.outcome());
        assertEquals(151_552, back.sameIds());
        assertEquals(
                TokenizerMatch.Outcome.PREFIX_EXTENDED,
                match(real("qwen2_5"), real("qwen1_5")).outcome());
    }

    @Test
    void otherRealPairs() {
        // Cohere's Command R+ and Aya Expanse: one vocabulary, two files.
        TokenizerMatch cohere = match(real("command_r_plus"), real("aya_expanse"));
        assertEquals(TokenizerMatch.Outcome.SAME_VOCABULARY, cohere.outcome());
        assertEquals(255_029, cohere.sameIds());
        // Gemma 2 gave id 255,999 to <start_of_image>; Gemma 3 moved tokens from id 5 on.
        TokenizerMatch gemma2 = match(real("gemma2"), real("gemma"));
        assertEquals(TokenizerMatch.Outcome.PARTLY_SHARED, gemma2.outcome());
        assertEquals(254_976, gemma2.sameIds());
        assertEquals(
                TokenizerMatch.Outcome.UNRELATED, match(real("gemma3"), real("gemma2")).outcome());
        TokenizerMatch self = match(real("qwen3"), real("qwen3"));
        assertEquals(TokenizerMatch.Outcome.IDENTICAL_FILE, self.outcome());
        assertEquals(
                "identical tokenizer.json (sha256 aeb13307a71a…)",
                MESSAGES.format(self.corroboration()));
    }

    // ---- generated tokenizers ----

    @Test
    void aVocabularyCutShortIsTrimmed() {
        List<String> base = tokens("t", 5000);
        TokenizerMatch m = match(generated(base.subList(0, 3000)), generated(base));
        assertEquals(TokenizerMatch.Outcome.TRIMMED, m.outcome());
        assertEquals(2048, m.sameIds(), "two full blocks; the third holds 952 of the 3,000");
        assertTrue(m.candidateOpensBase());
        String words = MESSAGES.format(m.corroboration());
        assertTrue(
                words.contains("token ids 0–2,047")
                        && words.contains("the first 2,048 of this model's 3,000")
                        && words.contains("the base has 5,000"),
                words);
    }

    @Test
    void aVocabularyThatDivergesIsPartlyShared() {
        List<String> base = tokens("t", 5000);
        List<String> other = concat(base.subList(0, 2500), tokens("x", 3000));
        TokenizerMatch m = match(generated(other), generated(base));
        assertEquals(TokenizerMatch.Outcome.PARTLY_SHARED, m.outcome());
        assertEquals(2048, m.sameIds());
        // One token renamed in place in the fourth block: the same size, partly shared.
        List<String> renamed = new ArrayList<>(base);
        renamed.set(3100, "renamed");
        TokenizerMatch r = match(generated(renamed), generated(base));
        assertEquals(TokenizerMatch.Outcome.PARTLY_SHARED, r.outcome());
        assertEquals(3072, r.sameIds());
        assertFalse(r.baseOpensCandidate() || r.candidateOpensBase());
        // Another vocabulary from the first id: unrelated.
        assertEquals(
                TokenizerMatch.Outcome.UNRELATED,
                match(generated(tokens("u", 5000)), generated(base)).outcome());
    }

    /**
     * A Unigram vocabulary (an array of [token, score]) is compared by its ids like any other: a
     * Unigram model extending a BPE vocabulary's tokens is prefix-extended, and the scores do not
     * count.
     */
    @Test
    void unigramVocabulariesAreComparedByTheirIds() {
        List<String> base = tokens("▁w", 4096);
        TokenizerMatch same = match(unigram(base), generated(base));
        assertEquals(TokenizerMatch.Outcome.SAME_VOCABULARY, same.outcome());
        assertEquals(4096, same.sameIds());
        TokenizerMatch extended = match(unigram(concat(base, tokens("▁new", 900))), unigram(base));
        assertEquals(TokenizerMatch.Outcome.PREFIX_EXTENDED, extended.outcome());
        assertEquals(4096, extended.sameIds(), "the base is four full blocks, all proven");
    }

    @Test
    void olderFingerprintsWithoutBlocksCompareByFileOnly() {
        Snapshot.TokenizerFingerprint a =
                new Snapshot.TokenizerFingerprint(
                        "tokenizer.json", "a".repeat(64), 1, 32000, null, null, null, null);
        Snapshot.TokenizerFingerprint b =
                new Snapshot.TokenizerFingerprint(
                        "tokenizer.json", "b".repeat(64), 1, 32000, null, null, null, null);
        assertEquals(Optional.empty(), TokenizerMatch.of(a, b));
        assertEquals(Optional.empty(), TokenizerMatch.of(a, real("llama2")));
        assertEquals(
                TokenizerMatch.Outcome.IDENTICAL_FILE,
                TokenizerMatch.of(a, a).orElseThrow().outcome());
    }

    @Test
    void vocabulariesSmallerThanABlockCannotBeComparedUnlessEqual() {
        assertEquals(
                Optional.empty(),
                TokenizerMatch.of(generated(tokens("t", 600)), generated(tokens("t", 500))));
        assertEquals(
                TokenizerMatch.Outcome.SAME_VOCABULARY,
                match(generated(tokens("t", 500)), unigram(tokens("t", 500))).outcome());
    }

    /** Every outcome has its sentence, and its "also matching" phrase where it can corroborate. */
    @Test
    void everyOutcomeHasItsWords() {
        for (TokenizerMatch.Outcome outcome : TokenizerMatch.Outcome.values()) {
            TokenizerMatch m = new TokenizerMatch(outcome, 31_744, 48_000, 32_000, "f".repeat(64));
            String note = MESSAGES.format(m.note());
            assertFalse(note.contains("{") || note.contains("block"), note);
            if (m.baseOpensCandidate() || m.candidateOpensBase()) {
                String also = MESSAGES.format(m.corroboration());
                assertFalse(also.contains("{") || also.contains("block"), also);
            }
        }
    }
}
