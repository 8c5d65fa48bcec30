package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.keizu.model.Snapshot;

/**
 * A snapshot as loaded: its description, the folder holding its bytes, and its config.json read
 * into a tree (empty when the snapshot holds no readable config; the reason is a finding), and its
 * weights fingerprint when {@code fetch --weights} took one and it loaded.
 */
public record LoadedSnapshot(
        Loaded<Snapshot> description,
        Path folder,
        Optional<JsonNode> config,
        java.util.Map<String, FileState> files,
        Optional<Loaded<org.keizu.model.WeightsFingerprint>> weightsFile) {

    /** What was found on disk for a listed file: its sha256 and size, or absent. */
    public record FileState(boolean present, String sha256, long size) {}

    public LoadedSnapshot {
        files = java.util.Map.copyOf(files);
    }

    /** True when every listed file is present with the sha256 and size snapshot.json gives. */
    public boolean intact() {
        return snapshot().files().stream()
                .allMatch(
                        f -> {
                            FileState state = files.get(f.name());
                            return state != null
                                    && state.present()
                                    && state.sha256().equals(f.sha256())
                                    && state.size() == f.size();
                        });
    }

    public Snapshot snapshot() {
        return description.record();
    }

    /**
     * The weights fingerprint, when there is one for this very commit (SnapshotCheck reports one
     * that names another).
     */
    public Optional<org.keizu.model.WeightsFingerprint> weights() {
        return weightsFile
                .map(Loaded::record)
                .filter(
                        w ->
                                w.repo().equals(snapshot().repo())
                                        && w.revision().equals(snapshot().revision()));
    }

    public String id() {
        return snapshot().id();
    }
}
