package org.keizu.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated safetensors files of a small Llama-shaped model, for the loopback hub: a base and what
 * may be made of it (a copy, a fine-tune, a vocabulary extension) or made apart (an independent
 * model of the same shape). Norm weights are drawn around one, as trained ones are (which is why
 * their raw cosine says nothing), embeddings around zero; every value is stored as BF16.
 */
final class GeneratedWeights {
    static final int LAYERS = 8;
    static final int HIDDEN = 64;
    static final int VOCAB = 3000;

    /** Every tensor's values by name, in the order they are written. */
    private final Map<String, float[]> tensors;

    private final Map<String, long[]> shapes;

    private GeneratedWeights(Map<String, float[]> tensors, Map<String, long[]> shapes) {
        this.tensors = tensors;
        this.shapes = shapes;
    }

    /** A model trained from its own random start: {@code seed} decides every value. */
    static GeneratedWeights trained(long seed, int vocab) {
        Random random = new Random(seed);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        put(
                tensors,
                shapes,
                "model.embed_tokens.weight",
                gaussian(random, vocab * HIDDEN, 0, 0.02),
                vocab,
                HIDDEN);
        for (int layer = 0; layer < LAYERS; layer++) {
            String p = "model.layers." + layer + ".";
            put(
                    tensors,
                    shapes,
                    p + "input_layernorm.weight",
                    gaussian(random, HIDDEN, 1, 0.1),
                    HIDDEN);
            put(
                    tensors,
                    shapes,
                    p + "self_attn.q_proj.weight",
                    gaussian(random, HIDDEN * HIDDEN, 0, 0.02),
                    HIDDEN,
                    HIDDEN);
            put(
                    tensors,
                    shapes,
                    p + "post_attention_layernorm.weight",
                    gaussian(random, HIDDEN, 1, 0.1),
                    HIDDEN);
        }
        put(tensors, shapes, "model.norm.weight", gaussian(random, HIDDEN, 1, 0.1), HIDDEN);
        return new GeneratedWeights(tensors, shapes);
    }

    /** This model trained a little further: every value moved by noise of {@code sigma}. */
    GeneratedWeights fineTuned(long seed, double sigma) {
        Random random = new Random(seed);
        Map<String, float[]> moved = new LinkedHashMap<>();
        tensors.forEach(
                (name, values) -> {
                    float[] copy = values.clone();
                    for (int i = 0; i < copy.length; i++) {
                        copy[i] += (float) (random.nextGaussian() * sigma);
                    }
                    moved.put(name, copy);
                });
        return new GeneratedWeights(moved, new LinkedHashMap<>(shapes));
    }

    /** This model with {@code extra} new token rows appended to its embeddings. */
    GeneratedWeights extended(long seed, int extra) {
        Random random = new Random(seed);
        Map<String, float[]> grown = new LinkedHashMap<>(tensors);
        Map<String, long[]> grownShapes = new LinkedHashMap<>(shapes);
        float[] old = tensors.get("model.embed_tokens.weight");
        float[] embeddings = java.util.Arrays.copyOf(old, old.length + extra * HIDDEN);
        for (int i = old.length; i < embeddings.length; i++) {
            embeddings[i] = (float) (random.nextGaussian() * 0.02);
        }
        grown.put("model.embed_tokens.weight", embeddings);
        long rows = shapes.get("model.embed_tokens.weight")[0] + extra;
        grownShapes.put("model.embed_tokens.weight", new long[] {rows, HIDDEN});
        return new GeneratedWeights(grown, grownShapes);
    }

    /**
     * The model as safetensors files: the embeddings and the first half of the layers in the first,
     * the rest in the second, as large models are sharded.
     */
    Map<String, byte[]> shards() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (String name : tensors.keySet()) {
            Integer layer = WeightsSample.layer(name);
            (layer != null && layer >= LAYERS / 2 || name.equals("model.norm.weight")
                            ? second
                            : first)
                    .add(name);
        }
        files.put("model-00001-of-00002.safetensors", file(first));
        files.put("model-00002-of-00002.safetensors", file(second));
        return files;
    }

    private byte[] file(List<String> names) {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (String name : names) {
            long length = tensors.get(name).length * 2L;
            header.append(",\"").append(name).append("\":{\"dtype\":\"BF16\",\"shape\":[");
            long[] shape = shapes.get(name);
            for (int i = 0; i < shape.length; i++) {
                header.append(i == 0 ? "" : ",").append(shape[i]);
            }
            header.append("],\"data_offsets\":[")
                    .append(offset)
                    .append(",")
                    .append(offset + length)
                    .append("]}");
            offset += length;
        }
        header.append("}");
        return assemble(header.toString().getBytes(StandardCharsets.UTF_8), names);
    }

    private byte[] assemble(byte[] header, List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head(header));
        for (String name : names) {
            for (float v : tensors.get(name)) {
                int bf16 = Float.floatToIntBits(v) >>> 16;
                out.write(bf16 & 0xFF);
                out.write((bf16 >>> 8) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /**
     * Llama 2 7B's tensors, names and shapes (hidden 4,096, 32 layers, MLP 11,008, vocabulary
     * 32,000, BF16) in its two files, as served files whose bytes are made on demand: 13.5 GB that
     * are never held, to measure what a fingerprint of a real-sized model downloads.
     */
    static Map<String, FakeHub.Body> sevenBillionShaped() {
        Map<String, long[]> first = new java.util.TreeMap<>();
        Map<String, long[]> second = new java.util.TreeMap<>();
        int h = 4096;
        int mlp = 11008;
        first.put("model.embed_tokens.weight", new long[] {32000, h});
        for (int layer = 0; layer < 32; layer++) {
            Map<String, long[]> file = layer < 24 ? first : second;
            String p = "model.layers." + layer + ".";
            for (String proj : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
                file.put(p + "self_attn." + proj + ".weight", new long[] {h, h});
            }
            file.put(p + "mlp.gate_proj.weight", new long[] {mlp, h});
            file.put(p + "mlp.up_proj.weight", new long[] {mlp, h});
            file.put(p + "mlp.down_proj.weight", new long[] {h, mlp});
            file.put(p + "input_layernorm.weight", new long[] {h});
            file.put(p + "post_attention_layernorm.weight", new long[] {h});
        }
        second.put("model.norm.weight", new long[] {h});
        second.put("lm_head.weight", new long[] {32000, h});
        Map<String, FakeHub.Body> files = new LinkedHashMap<>();
        files.put("model-00001-of-00002.safetensors", virtual(first));
        files.put("model-00002-of-00002.safetensors", virtual(second));
        return files;
    }

    /** A file of these BF16 tensors: its real header, then bytes that follow from their offset. */
    private static FakeHub.Body virtual(Map<String, long[]> tensors) {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (var t : tensors.entrySet()) {
            long length = 2;
            StringBuilder shape = new StringBuilder();
            for (long d : t.getValue()) {
                length *= d;
                shape.append(shape.length() == 0 ? "" : ",").append(d);
            }
            json.append(",\"")
                    .append(t.getKey())
                    .append("\":{\"dtype\":\"BF16\",\"shape\":[")
                    .append(shape)
                    .append("],\"data_offsets\":[")
                    .append(offset)
                    .append(",")
                    .append(offset + length)
                    .append("]}");
            offset += length;
        }
        byte[] header = json.append("}").toString().getBytes(StandardCharsets.UTF_8);
        byte[] head = head(header);
        long size = head.length + offset;
        return new FakeHub.Body() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] slice(long first, long last) {
                byte[] bytes = new byte[(int) (last - first + 1)];
                for (int i = 0; i < bytes.length; i++) {
                    long at = first + i;
                    bytes[i] =
                            at < head.length
                                    ? head[(int) at]
                                    : (byte) ((at * 0x9E3779B97F4A7C15L) >>> 56);
                }
                return bytes;
            }
        };
    }

    /** A file whose header says a tensor ends past the end of the file. */
    static byte[] lyingOffsets() {
        byte[] header =
                "{\"model.norm.weight\":{\"dtype\":\"BF16\",\"shape\":[64],\"data_offsets\":[0,128]},\"model.layers.0.input_layernorm.weight\":{\"dtype\":\"BF16\",\"shape\":[1000000],\"data_offsets\":[128,2000128]}}"
                        .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head(header));
        out.writeBytes(new byte[128]);
        return out.toByteArray();
    }

    /** A safetensors file's start: the header's length, 8 bytes little-endian, then the header. */
    private static byte[] head(byte[] header) {
        return ByteBuffer.allocate(8 + header.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .put(header)
                .array();
    }

    /** A file whose first 8 bytes claim a header of a terabyte. */
    static byte[] absurdHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        out.writeBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(
            Map<String, float[]> tensors,
            Map<String, long[]> shapes,
            String name,
            float[] values,
            long... shape) {
        tensors.put(name, values);
        shapes.put(name, shape);
    }

    private static float[] gaussian(Random random, int n, double mean, double sigma) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (mean + random.nextGaussian() * sigma);
        }
        return values;
    }
}
