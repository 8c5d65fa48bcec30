package org.keizu.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keizu.model.Snapshot;

/**
 * What changed upstream since a stored snapshot: a new commit, files added or removed (a LICENSE or
 * NOTICE appearing), files edited (a model card rewritten), a different tokenizer. Makers edit
 * their files quietly; {@code fetch --check} is how the registry notices.
 */
public final class UpstreamChanges {
    private UpstreamChanges() {}

    public static List<String> between(Snapshot stored, Snapshot upstream) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(stored.revision(), upstream.revision())) {
            changes.add(
                    "commit: "
                            + (stored.revision() == null
                                    ? "not known (the stored bytes did not come from the hub)"
                                    : stored.revision())
                            + " -> "
                            + upstream.revision());
        }
        Map<String, Snapshot.SnapshotFile> before = byName(stored);
        Map<String, Snapshot.SnapshotFile> after = byName(upstream);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Snapshot.SnapshotFile was = before.get(name);
            Snapshot.SnapshotFile now = after.get(name);
            if (was == null) {
                changes.add("added: " + name + " (" + now.size() + " bytes)");
            } else if (now == null) {
                changes.add("removed: " + name);
            } else if (!was.sha256().equals(now.sha256())) {
                changes.add(
                        "changed: "
                                + name
                                + " ("
                                + was.size()
                                + " -> "
                                + now.size()
                                + " bytes, sha256 "
                                + was.sha256().substring(0, 12)
                                + " -> "
                                + now.sha256().substring(0, 12)
                                + ")");
            }
        }
        String tokenizerBefore = stored.tokenizer() == null ? null : stored.tokenizer().sha256();
        String tokenizerAfter = upstream.tokenizer() == null ? null : upstream.tokenizer().sha256();
        if (tokenizerBefore != null && !Objects.equals(tokenizerBefore, tokenizerAfter)) {
            changes.add(
                    tokenizerAfter == null ? "removed: tokenizer.json" : "changed: tokenizer.json");
        }
        return changes;
    }

    private static Map<String, Snapshot.SnapshotFile> byName(Snapshot snapshot) {
        return snapshot.files().stream()
                .collect(Collectors.toMap(Snapshot.SnapshotFile::name, Function.identity()));
    }
}
