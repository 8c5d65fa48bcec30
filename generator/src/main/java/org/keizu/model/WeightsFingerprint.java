package org.keizu.model;

import java.util.List;

/**
 * A fingerprint of a model's weights ({@code weights.json}, beside its snapshot): what {@code keizu
 * fetch --weights} read by range requests from the safetensors files at the snapshot's commit.
 * Machine-written, never edited by hand. Only a fixed sample is kept ({@code WeightsSample}): every
 * normalisation vector and a few embedding rows, never a whole shard.
 *
 * @param repo the hub repository, as in the snapshot beside it
 * @param revision the 40-hex commit the bytes were read at: the snapshot's
 * @param method the name of the sample's definition, so that fingerprints taken under another
 *     definition are never compared with these
 * @param downloaded the bytes this fingerprint cost to download, headers included
 * @param shards every safetensors file of the commit, with its header's hash
 * @param tensors the sampled tensors, in file and offset order
 */
public record WeightsFingerprint(
        String repo,
        String revision,
        String retrieved,
        String method,
        long downloaded,
        List<Shard> shards,
        List<SampledTensor> tensors) {
    public WeightsFingerprint {
        shards = Lists.copy(shards);
        tensors = Lists.copy(tensors);
    }

    /**
     * One safetensors file: its size, its header's length and SHA-256 (the header lists every
     * tensor's name, dtype, shape and byte range), and how many tensors it holds.
     */
    public record Shard(
            String file, long size, long headerSize, String headerSha256, int tensors) {}

    /**
     * One sampled piece of a tensor.
     *
     * @param name the tensor's name in the header; an embedding row is the matrix's name with
     *     {@code [row]}
     * @param role {@code norm} (a normalisation vector) or {@code embedding-row}
     * @param layer the layer the tensor belongs to, when its name says; null for the final norm
     * @param dtype the header's dtype: BF16, F16 or F32
     * @param shape the whole tensor's shape, as the header gives it
     * @param file the safetensors file it was read from
     * @param offset the first byte read, counted from the start of the file
     * @param length the number of bytes read
     * @param whole true when the bytes read are the whole tensor
     * @param sha256 SHA-256 of the bytes read
     * @param values the first values of the bytes read (at most {@code WeightsSample.VALUES}),
     *     base64 of their bytes as stored (little-endian, in {@code dtype}): what the correlation
     *     is computed from
     */
    public record SampledTensor(
            String name,
            String role,
            Integer layer,
            String dtype,
            List<Long> shape,
            String file,
            long offset,
            long length,
            boolean whole,
            String sha256,
            String values) {
        public SampledTensor {
            shape = Lists.copy(shape);
        }
    }
}
