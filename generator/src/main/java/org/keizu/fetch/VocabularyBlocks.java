package org.keizu.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.keizu.model.Snapshot;

/**
 * A tokenizer's vocabulary in token-id order, cut into blocks of {@value
 * Snapshot.TokenizerFingerprint#BLOCK_IDS} ids and hashed block by block: what lets two
 * fingerprints say how many leading token ids hold the same tokens, without keeping either file.
 *
 * <p>The ids come from {@code model.vocab}: an object of token → id (BPE, WordPiece, WordLevel), or
 * Unigram's array of {@code [token, score]} pairs, whose index is the id. Each entry of {@code
 * added_tokens} with an {@code id} then sets that id's token, as the tokenizers library does when
 * it decodes (an added token names the id even where the vocabulary holds it too). An id below the
 * highest that neither names is a gap. A block's hash is SHA-256 over its ids in order, each
 * written as a 4-byte big-endian length and the token's UTF-8 bytes (a gap as length -1 and no
 * bytes), so that no two different lists of tokens give the same bytes; the block keeps the first
 * 16 hex digits.
 *
 * <pre>
 *   Optional&lt;VocabularyBlocks&gt; blocks = VocabularyBlocks.of(tokenizerJson);
 *   blocks.get().total();   // 151669 for Qwen3
 *   blocks.get().blocks();  // 149 hashes, the last over 117 ids
 * </pre>
 *
 * @param total the number of ids: the highest id plus one
 * @param blocks one hash per block of ids, in id order
 */
public record VocabularyBlocks(int total, List<String> blocks) {
    /** The most ids read (4,096 blocks): more than any published tokenizer; beyond, none kept. */
    public static final int MAX_IDS = 4096 * Snapshot.TokenizerFingerprint.BLOCK_IDS;

    public VocabularyBlocks {
        blocks = List.copyOf(blocks);
    }

    /**
     * The blocks of a parsed tokenizer.json; empty when it has no vocabulary this can read (no
     * {@code model.vocab}, an id that is not a whole number from 0 to {@link #MAX_IDS}, an entry of
     * another form), so that a fingerprint is never made from a guess.
     */
    public static Optional<VocabularyBlocks> of(JsonNode tokenizer) {
        TreeMap<Integer, String> tokens = new TreeMap<>();
        JsonNode vocab = tokenizer.path("model").path("vocab");
        if (vocab.isObject()) {
            for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
                Optional<Integer> id = id(entry.getValue());
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                // Two tokens claiming one id: the first in the file is kept, whatever the parser's
                // map order, so that the fingerprint is the file's.
                tokens.putIfAbsent(id.get(), entry.getKey());
            }
        } else if (vocab.isArray()) {
            if (vocab.size() > MAX_IDS) {
                return Optional.empty();
            }
            for (int i = 0; i < vocab.size(); i++) {
                JsonNode entry = vocab.get(i);
                JsonNode token = entry.isArray() ? entry.path(0) : entry;
                if (!token.isTextual()) {
                    return Optional.empty();
                }
                tokens.put(i, token.asText());
            }
        } else {
            return Optional.empty();
        }
        for (JsonNode added : tokenizer.path("added_tokens")) {
            JsonNode content = added.path("content");
            if (!added.has("id") || !content.isTextual()) {
                continue; // no id: nowhere to place it
            }
            Optional<Integer> id = id(added.get("id"));
            if (id.isEmpty()) {
                return Optional.empty();
            }
            tokens.put(id.get(), content.asText());
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        int total = tokens.lastKey() + 1;
        List<String> blocks = new ArrayList<>();
        for (int start = 0; start < total; start += Snapshot.TokenizerFingerprint.BLOCK_IDS) {
            int end = Math.min(total, start + Snapshot.TokenizerFingerprint.BLOCK_IDS);
            blocks.add(hash(tokens, start, end));
        }
        return Optional.of(new VocabularyBlocks(total, blocks));
    }

    private static Optional<Integer> id(JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            return Optional.empty();
        }
        int id = value.intValue();
        return id >= 0 && id < MAX_IDS ? Optional.of(id) : Optional.empty();
    }

    /** The block over ids {@code start} (inclusive) to {@code end} (exclusive). */
    static String hash(Map<Integer, String> tokens, int start, int end) {
        MessageDigest digest = sha256();
        for (int id = start; id < end; id++) {
            String token = tokens.get(id);
            if (token == null) {
                digest.update(length(-1));
            } else {
                byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
                digest.update(length(bytes.length));
                digest.update(bytes);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
