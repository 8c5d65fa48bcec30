package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.keizu.model.Snapshot;

/**
 * A snapshot as loaded: its description, the folder holding its bytes, and its config.json read
 * into a tree (empty when the snapshot holds no readable config; the reason is a finding).
 */
public record LoadedSnapshot(Loaded<Snapshot> description, Path folder, Optional<JsonNode> config) {
    public Snapshot snapshot() {
        return description.record();
    }

    public String id() {
        return snapshot().id();
    }
}
