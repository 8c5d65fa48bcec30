package org.keizu.fetch;

import java.util.Map;
import org.keizu.model.Snapshot;

/**
 * A snapshot fetched into memory: its description and the bytes of each stored file. Nothing on
 * disk yet.
 */
public record FetchedSnapshot(Snapshot snapshot, Map<String, byte[]> files) {
    public FetchedSnapshot {
        files = Map.copyOf(files);
    }
}
