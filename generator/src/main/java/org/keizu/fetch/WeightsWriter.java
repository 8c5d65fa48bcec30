package org.keizu.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.SnapshotStore;
import org.keizu.model.WeightsFingerprint;

/**
 * Writes a weights fingerprint into its snapshot's folder as {@code weights.json}: first to a
 * hidden file beside it, then renamed over it, so a failed write leaves the old file or none. One
 * line of JSON, to keep it small.
 */
public final class WeightsWriter {
    private WeightsWriter() {}

    /**
     * Writes the fingerprint into {@code snapshotFolder}; false when an equal one was already
     * there.
     */
    public static boolean write(Path snapshotFolder, WeightsFingerprint weights)
            throws IOException {
        byte[] bytes = bytes(weights);
        if (bytes.length > RecordKind.WEIGHTS.maxBytes()) {
            throw new FetchException(
                    weights.repo()
                            + ": the fingerprint would be "
                            + bytes.length
                            + " bytes, over the "
                            + RecordKind.WEIGHTS.maxBytes()
                            + " bytes a fingerprint may have; nothing was written");
        }
        Path target = snapshotFolder.resolve(SnapshotStore.WEIGHTS);
        if (Files.exists(target) && sameSample(Files.readAllBytes(target), weights)) {
            return false;
        }
        Path staging = Files.createTempFile(snapshotFolder, ".weights-", ".json");
        try {
            Files.write(staging, bytes);
            Files.move(
                    staging,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    static byte[] bytes(WeightsFingerprint weights) throws IOException {
        return (RecordMapper.snapshotJson().writeValueAsString(weights) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether a stored fingerprint read the same bytes: the date it was taken does not count, so
     * that fetching again does not churn the file.
     */
    private static boolean sameSample(byte[] stored, WeightsFingerprint weights) {
        try {
            WeightsFingerprint old =
                    RecordMapper.snapshotJson().readValue(stored, WeightsFingerprint.class);
            return old.repo().equals(weights.repo())
                    && old.revision().equals(weights.revision())
                    && old.method().equals(weights.method())
                    && old.shards().equals(weights.shards())
                    && old.tensors().equals(weights.tensors());
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: replaced
        }
    }
}
