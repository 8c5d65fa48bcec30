package org.keizu.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A pinned copy of a model's files under {@code data/snapshots/<hub-org>/<repo>/<folder>/},
 * described by its {@code snapshot.json}: machine-written, never edited by hand. {@code revision}
 * is the hub commit when the bytes were fetched from the hub; it is null for copies taken from
 * elsewhere, and {@code via} then says where, so that nobody mistakes a mirror for the hub.
 */
public record Snapshot(
        String repo,
        String revision,
        String revisionNote,
        String retrieved,
        Via via,
        List<SnapshotFile> files,
        TokenizerFingerprint tokenizer) {
    public Snapshot {
        files = Lists.copy(files);
    }

    /**
     * The folder a snapshot lives in: its revision, or "unpinned-" and the config's hash prefix.
     */
    public String folder() {
        if (revision != null) {
            return revision;
        }
        return files.stream()
                .filter(f -> f.name().equals("config.json"))
                .findFirst()
                .map(f -> "unpinned-" + f.sha256().substring(0, 12))
                .orElse("unpinned");
    }

    /** The id records cite it by: {@code deepseek-ai/DeepSeek-R1@unpinned-79ddea672a62}. */
    public String id() {
        return repo + "@" + folder();
    }

    /**
     * Where the bytes came from: the hub, or a mirror, extract, page capture or unattributed copy.
     */
    public record Via(
            String kind,
            String repository,
            String path,
            String commit,
            String url,
            String grade,
            String caveats) {
        public boolean fromHub() {
            return "hub".equals(kind);
        }
    }

    /** One stored file with the hash and size of its bytes. */
    public record SnapshotFile(String name, String sha256, long size) {}

    /**
     * What identifies a tokenizer without storing it (tokenizers are too big to keep): the hash of
     * the file, its vocabulary size, a hash of its merges list, its special tokens, and its
     * vocabulary in token-id order as hashed blocks, so that two vocabularies can be compared id by
     * id.
     *
     * @param vocabSize the number of entries of {@code model.vocab} alone, as fetch has always
     *     counted it (added tokens not included)
     * @param vocabSizeTotal the number of token ids, {@code model.vocab} and {@code added_tokens}
     *     together: the highest id plus one (an id that neither names counts as a gap); null in
     *     snapshots fetched before it was recorded
     * @param vocabBlocks the vocabulary cut into blocks of {@value #BLOCK_IDS} ids in id order,
     *     each the first 16 hex digits of a SHA-256 over its tokens (see {@code VocabularyBlocks});
     *     the last block may be partial; empty when not recorded
     */
    public record TokenizerFingerprint(
            String file,
            String sha256,
            long size,
            Integer vocabSize,
            Integer vocabSizeTotal,
            String mergesSha256,
            List<String> specialTokens,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> vocabBlocks) {
        /** Token ids per block of {@link #vocabBlocks}. */
        public static final int BLOCK_IDS = 1024;

        public TokenizerFingerprint {
            specialTokens = Lists.copy(specialTokens);
            vocabBlocks = Lists.copy(vocabBlocks);
        }

        /** True when the vocabulary was recorded id by id, so that it can be compared. */
        public boolean hasBlocks() {
            return !vocabBlocks.isEmpty() && vocabSizeTotal != null;
        }
    }
}
