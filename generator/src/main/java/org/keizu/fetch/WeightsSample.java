package org.keizu.fetch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed sample of a model's weights that {@code fetch --weights} reads, named {@value #METHOD}
 * so that a fingerprint taken under another definition is never compared with one taken under this.
 *
 * <ul>
 *   <li>Every normalisation vector: each one-dimensional tensor whose name holds {@code norm} or is
 *       a GPT-style {@code ln_}, in BF16, F16 or F32, read whole up to {@value #MAX_NORM_BYTES}
 *       bytes (its first bytes beyond). A few kilobytes per layer, and what a fine-tune barely
 *       moves.
 *   <li>Rows {@link #EMBEDDING_ROWS} of the token embedding matrix, the first {@value #VALUES}
 *       values of each: compared only where both tokenizers hold the same tokens at those ids.
 * </ul>
 *
 * <p>The first {@value #VALUES} values of each piece are kept in the fingerprint, for the
 * correlation; the SHA-256 of all the bytes read, for identity. At most {@value #MAX_SAMPLE_BYTES}
 * bytes are read for the sample of one model; a model with more than {@value #MAX_PIECES} pieces is
 * refused rather than sampled differently.
 */
public final class WeightsSample {
    public static final String METHOD = "keizu-weights-1";

    /** Values kept per piece: enough for a correlation, small enough to keep in git. */
    public static final int VALUES = 128;

    public static final long MAX_NORM_BYTES = 64L << 10;
    public static final long MAX_SAMPLE_BYTES = 16L << 20;
    public static final int MAX_PIECES = 1000;

    /** Token ids whose embedding rows are read: sixteen ids past most tokenizers' special ones. */
    public static final List<Integer> EMBEDDING_ROWS =
            List.of(
                    1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100, 2200,
                    2300, 2400, 2500);

    static final Set<String> FLOAT_TYPES = Set.of("BF16", "F16", "F32");

    /** Names of the token embedding matrix, in order of preference. */
    private static final List<String> EMBEDDING_SUFFIXES =
            List.of(
                    "embed_tokens.weight",
                    "wte.weight",
                    "word_embeddings.weight",
                    "tok_embeddings.weight");

    private static final Pattern LAYER =
            Pattern.compile("(?:^|\\.)(?:layers|layer|h|blocks|block)\\.(\\d{1,6})\\.");
    private static final Pattern GPT_NORM = Pattern.compile("(?:^|\\.)ln_[a-z0-9]*\\.weight$");

    /**
     * One piece of a tensor to read.
     *
     * @param offset the first byte, counted from the start of the file
     */
    public record Piece(
            String name,
            String role,
            Integer layer,
            SafetensorsHeader.Tensor tensor,
            String file,
            long offset,
            long length) {
        public boolean whole() {
            return offset == tensor.begin() && length == tensor.length();
        }
    }

    private WeightsSample() {}

    /** The pieces to read from a model's files (file name to header), in file and offset order. */
    public static List<Piece> select(java.util.SortedMap<String, SafetensorsHeader> files) {
        List<Piece> pieces = new ArrayList<>();
        Optional<Candidate> embedding = Optional.empty();
        for (var file : files.entrySet()) {
            for (SafetensorsHeader.Tensor t : file.getValue().tensors()) {
                if (!FLOAT_TYPES.contains(t.dtype())) {
                    continue;
                }
                if (t.shape().size() == 1 && isNorm(t.name()) && t.length() > 0) {
                    pieces.add(
                            new Piece(
                                    t.name(),
                                    "norm",
                                    layer(t.name()),
                                    t,
                                    file.getKey(),
                                    t.begin(),
                                    Math.min(t.length(), MAX_NORM_BYTES)));
                } else if (t.shape().size() == 2) {
                    int rank = embeddingRank(t.name());
                    if (rank >= 0
                            && (embedding.isEmpty()
                                    || rank < embedding.get().rank()
                                    || (rank == embedding.get().rank()
                                            && t.name().compareTo(embedding.get().tensor().name())
                                                    < 0))) {
                        embedding = Optional.of(new Candidate(rank, t, file.getKey()));
                    }
                }
            }
        }
        embedding.ifPresent(e -> pieces.addAll(rows(e.tensor(), e.file())));
        if (pieces.size() > MAX_PIECES) {
            throw new FetchException(
                    "the files hold "
                            + pieces.size()
                            + " tensors to sample, more than the "
                            + MAX_PIECES
                            + " this sample is defined for; nothing was downloaded");
        }
        long total = pieces.stream().mapToLong(Piece::length).sum();
        if (total > MAX_SAMPLE_BYTES) {
            throw new FetchException(
                    "the sample would be "
                            + total
                            + " bytes, over the cap of "
                            + MAX_SAMPLE_BYTES
                            + "; nothing was downloaded");
        }
        pieces.sort(Comparator.comparing(Piece::file).thenComparingLong(Piece::offset));
        return pieces;
    }

    private record Candidate(int rank, SafetensorsHeader.Tensor tensor, String file) {}

    static boolean isNorm(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("weight")
                && (lower.contains("norm") || GPT_NORM.matcher(lower).find());
    }

    /** The layer a tensor's name puts it in, or null. */
    static Integer layer(String name) {
        Matcher m = LAYER.matcher(name);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static int embeddingRank(String name) {
        for (int i = 0; i < EMBEDDING_SUFFIXES.size(); i++) {
            String suffix = EMBEDDING_SUFFIXES.get(i);
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                // A vision tower's or an audio encoder's embeddings are not the token embedding.
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("vision")
                        || lower.contains("visual")
                        || lower.contains("audio")) {
                    return -1;
                }
                return i;
            }
        }
        return -1;
    }

    private static List<Piece> rows(SafetensorsHeader.Tensor matrix, String file) {
        long rows = matrix.shape().get(0);
        long width = matrix.shape().get(1);
        int bytes = SafetensorsHeader.DTYPE_BYTES.get(matrix.dtype());
        List<Piece> pieces = new ArrayList<>();
        for (int row : EMBEDDING_ROWS) {
            if (row >= rows || width == 0) {
                continue;
            }
            long offset = matrix.begin() + row * width * bytes;
            pieces.add(
                    new Piece(
                            matrix.name() + "[" + row + "]",
                            "embedding-row",
                            null,
                            matrix,
                            file,
                            offset,
                            Math.min(width, VALUES) * bytes));
        }
        return pieces;
    }
}
