package org.keizu.fetch;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.keizu.io.Folders;
import org.keizu.load.RecordMapper;

/**
 * Writes a fetched snapshot to {@code data/snapshots/<repo>/<commit>/}: first into a hidden folder
 * beside it, then renamed into place, so a failed or interrupted fetch leaves nothing half-written.
 * A commit's files never change, so an existing snapshot of the same commit is left as it is.
 */
public final class SnapshotWriter {
    private static final ObjectMapper JSON = RecordMapper.snapshotJson();

    private final Path snapshotRoot;

    public SnapshotWriter(Path snapshotRoot) {
        this.snapshotRoot = snapshotRoot;
    }

    /**
     * Writes the snapshot and returns its folder; false in {@code created} when it was already
     * there.
     */
    public record Written(Path folder, boolean created) {}

    public Written write(FetchedSnapshot fetched) throws IOException {
        String repo = fetched.snapshot().repo();
        if (!SnapshotFetcher.REPO.matcher(repo).matches() || repo.contains("..")) {
            throw new FetchException("not a hub repository id: " + repo);
        }
        Path root = snapshotRoot.toAbsolutePath().normalize();
        Path target = root.resolve(repo).resolve(fetched.snapshot().folder()).normalize();
        if (!target.startsWith(root)) {
            throw new FetchException("refusing to write outside data/snapshots: " + target);
        }
        if (Files.exists(target)) {
            return new Written(target, false);
        }
        Files.createDirectories(target.getParent());
        // Like the site's, the staging folder is made with the umask's mode, not
        // createTempDirectory's 0700.
        Path staging = Folders.createBeside(target, ".fetch-");
        try {
            for (Map.Entry<String, byte[]> file : fetched.files().entrySet()) {
                if (!SnapshotFetcher.KEPT_FILES.contains(file.getKey())) {
                    throw new FetchException("not a file snapshots keep: " + file.getKey());
                }
                Files.write(
                        staging.resolve(file.getKey()),
                        file.getValue(),
                        StandardOpenOption.CREATE_NEW);
            }
            Files.write(
                    staging.resolve("snapshot.json"),
                    describe(fetched),
                    StandardOpenOption.CREATE_NEW);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Written(target, true);
        } finally {
            if (Files.exists(staging)) {
                Folders.deleteTree(staging);
            }
        }
    }

    /**
     * snapshot.json, pretty-printed with two spaces and a final newline, keys in the record's
     * order.
     */
    static byte[] describe(FetchedSnapshot fetched) throws IOException {
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String text = JSON.writer(printer).writeValueAsString(fetched.snapshot()) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
