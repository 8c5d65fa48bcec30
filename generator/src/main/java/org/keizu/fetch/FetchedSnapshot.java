package org.keizu.fetch;

import java.util.Map;
import org.keizu.model.Snapshot;

/**
 * A snapshot fetched into memory: its description, the bytes of each stored file, and the
 * repository's listing at its commit (which a weights fingerprint reads too). Nothing on disk yet.
 */
public record FetchedSnapshot(Snapshot snapshot, Map<String, byte[]> files, HubRevision revision) {
    public FetchedSnapshot {
        files = Map.copyOf(files);
    }
}
