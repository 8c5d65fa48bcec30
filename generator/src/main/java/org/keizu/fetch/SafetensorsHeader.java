package org.keizu.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keizu.load.RecordMapper;

/**
 * The header of a safetensors file, read and checked before any byte it points to is asked for. A
 * safetensors file is an 8-byte little-endian header length {@code n}, a JSON header of {@code n}
 * bytes naming every tensor's dtype, shape and {@code data_offsets} (counted from the end of the
 * header), then the tensors' bytes.
 *
 * <p>The header is a stranger's word. A length over {@link #MAX_HEADER_BYTES} or past the end of
 * the file, offsets past the end of the data, or a byte range that does not hold the shape's
 * elements are refused, so that a lying file cannot send the fetcher to read outside it.
 *
 * @param size the whole file's size, from the server's Content-Range
 * @param headerSize {@code n}
 * @param tensors every tensor, with its byte range counted from the start of the file
 */
public record SafetensorsHeader(long size, long headerSize, List<Tensor> tensors) {
    /** The longest header read; the largest published ones are a few megabytes. */
    public static final long MAX_HEADER_BYTES = 16L << 20;

    /**
     * One tensor of the header.
     *
     * @param begin its first byte, counted from the start of the file
     * @param end one past its last byte, counted from the start of the file
     */
    public record Tensor(String name, String dtype, List<Long> shape, long begin, long end) {
        public Tensor {
            shape = List.copyOf(shape);
        }

        public long length() {
            return end - begin;
        }
    }

    /** Bytes per element of each dtype safetensors defines; others are refused. */
    static final Map<String, Integer> DTYPE_BYTES =
            Map.ofEntries(
                    Map.entry("BOOL", 1),
                    Map.entry("U8", 1),
                    Map.entry("I8", 1),
                    Map.entry("F8_E4M3", 1),
                    Map.entry("F8_E5M2", 1),
                    Map.entry("F8_E8M0", 1),
                    Map.entry("F4", 1),
                    Map.entry("F6_E2M3", 1),
                    Map.entry("F6_E3M2", 1),
                    Map.entry("U16", 2),
                    Map.entry("I16", 2),
                    Map.entry("F16", 2),
                    Map.entry("BF16", 2),
                    Map.entry("U32", 4),
                    Map.entry("I32", 4),
                    Map.entry("F32", 4),
                    Map.entry("U64", 8),
                    Map.entry("I64", 8),
                    Map.entry("F64", 8),
                    Map.entry("C64", 8));

    /** Sub-byte dtypes pack several elements per byte: their ranges are checked only for order. */
    private static final java.util.Set<String> PACKED =
            java.util.Set.of("F4", "F6_E2M3", "F6_E3M2");

    private static final ObjectMapper JSON = RecordMapper.untrustedJson(MAX_HEADER_BYTES);

    /**
     * The header length from a file's first 8 bytes, checked against the cap and the file's size.
     */
    static long headerLength(byte[] start, long fileSize, String what) {
        if (start.length < 8 || fileSize < 8) {
            throw new FetchException(what + ": too short to be a safetensors file");
        }
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (start[i] & 0xFF);
        }
        if (n < 2 || n > MAX_HEADER_BYTES) {
            throw new FetchException(
                    what
                            + ": the header length "
                            + Long.toUnsignedString(n)
                            + " is not between 2 and "
                            + MAX_HEADER_BYTES
                            + " bytes; refusing the file");
        }
        if (8 + n > fileSize) {
            throw new FetchException(
                    what
                            + ": the header length "
                            + n
                            + " runs past the end of the "
                            + fileSize
                            + "-byte file; refusing it");
        }
        return n;
    }

    /** Parses and checks the {@code n} header bytes of a file of {@code fileSize} bytes. */
    static SafetensorsHeader parse(byte[] header, long fileSize, String what) {
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (IOException e) {
            throw new FetchException(what + ": the safetensors header is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new FetchException(what + ": the safetensors header is not a JSON object");
        }
        long dataStart = 8 + (long) header.length;
        long dataLength = fileSize - dataStart;
        List<Tensor> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getKey().equals("__metadata__")) {
                continue;
            }
            tensors.add(tensor(entry.getKey(), entry.getValue(), dataStart, dataLength, what));
        }
        tensors.sort(java.util.Comparator.comparingLong(Tensor::begin).thenComparing(Tensor::name));
        return new SafetensorsHeader(fileSize, header.length, tensors);
    }

    private static Tensor tensor(
            String name, JsonNode node, long dataStart, long dataLength, String what) {
        String where = what + ": tensor " + name;
        JsonNode dtype = node.path("dtype");
        JsonNode shape = node.path("shape");
        JsonNode offsets = node.path("data_offsets");
        if (!dtype.isTextual() || !DTYPE_BYTES.containsKey(dtype.asText())) {
            throw new FetchException(where + " has no dtype safetensors defines");
        }
        if (!shape.isArray() || shape.size() > 16) {
            throw new FetchException(where + " has no shape");
        }
        if (!offsets.isArray()
                || offsets.size() != 2
                || !offsets.get(0).canConvertToLong()
                || !offsets.get(1).canConvertToLong()
                || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber()) {
            throw new FetchException(where + " has no data_offsets [begin, end]");
        }
        long begin = offsets.get(0).longValue();
        long end = offsets.get(1).longValue();
        if (begin < 0 || end < begin || end > dataLength) {
            throw new FetchException(
                    where
                            + ": data_offsets ["
                            + begin
                            + ", "
                            + end
                            + "] lie outside the file's "
                            + dataLength
                            + " bytes of data; refusing the file");
        }
        List<Long> dims = new ArrayList<>();
        long elements = 1;
        try {
            for (JsonNode d : shape) {
                if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
                    throw new FetchException(where + " has a dimension that is not a whole number");
                }
                dims.add(d.longValue());
                elements = Math.multiplyExact(elements, d.longValue());
            }
            int width = DTYPE_BYTES.get(dtype.asText());
            if (!PACKED.contains(dtype.asText())
                    && Math.multiplyExact(elements, width) != end - begin) {
                throw new FetchException(
                        where
                                + ": its byte range of "
                                + (end - begin)
                                + " bytes does not hold "
                                + elements
                                + " elements of "
                                + dtype.asText()
                                + "; refusing the file");
            }
        } catch (ArithmeticException e) {
            throw new FetchException(where + " has a shape too large to hold", e);
        }
        return new Tensor(name, dtype.asText(), dims, dataStart + begin, dataStart + end);
    }
}
