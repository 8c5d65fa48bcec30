package org.keizu.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Points a model record at its new snapshot by editing the one {@code snapshot:} line, leaving
 * every other line (and the contributor's comments) as it was. Adds the line after the {@code hub:}
 * block when the record has none.
 */
public final class RecordSnapshotLink {
    private static final Pattern SNAPSHOT_LINE = Pattern.compile("^snapshot:.*$");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*@[0-9a-z-]+");

    private RecordSnapshotLink() {}

    public static void set(Path record, String snapshotId) throws IOException {
        if (!ID.matcher(snapshotId).matches()) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshotId);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(record, StandardCharsets.UTF_8));
        String line = "snapshot: " + snapshotId;
        for (int i = 0; i < lines.size(); i++) {
            if (SNAPSHOT_LINE.matcher(lines.get(i)).matches()) {
                lines.set(i, line);
                write(record, lines);
                return;
            }
        }
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("hub:")) {
                at = i + 1;
                while (at < lines.size() && lines.get(at).startsWith(" ")) {
                    at++;
                }
                break;
            }
        }
        if (at < 0) {
            throw new IOException(
                    record + " has no hub: block; add snapshot: " + snapshotId + " by hand");
        }
        lines.add(at, line);
        write(record, lines);
    }

    private static void write(Path record, List<String> lines) throws IOException {
        Path temp = Files.createTempFile(record.getParent(), ".edit-", ".yaml");
        Files.writeString(temp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(
                temp,
                record,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
