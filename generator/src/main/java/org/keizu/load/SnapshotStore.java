package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.keizu.model.Snapshot;
import org.keizu.model.WeightsFingerprint;

/**
 * Reads {@code data/snapshots/<hub-org>/<repo>/<folder>/}: each folder's {@code snapshot.json}
 * (checked against its schema by the caller's validator) and its {@code config.json}. Hashes are
 * checked later, by {@link org.keizu.validate.SnapshotCheck}; this class only reads.
 */
public final class SnapshotStore {
    public static final String DESCRIPTION = "snapshot.json";

    /** The weights fingerprint {@code fetch --weights} writes beside the description. */
    public static final String WEIGHTS = "weights.json";

    private final RecordParser parser;
    private final RecordBinder binder;

    public SnapshotStore(RecordParser parser, RecordBinder binder) {
        this.parser = parser;
        this.binder = binder;
    }

    /**
     * Folders three levels below the snapshot root, in name order; anything else there is reported.
     */
    public static List<Path> folders(Path snapshotRoot, Path workingDir, Consumer<Finding> out) {
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(snapshotRoot, LinkOption.NOFOLLOW_LINKS)) {
            return folders;
        }
        try (Stream<Path> walk = Files.walk(snapshotRoot, 3)) {
            for (Path path : walk.sorted().toList()) {
                int depth = snapshotRoot.relativize(path).getNameCount();
                if (path.equals(snapshotRoot)) {
                    continue;
                }
                if (Files.isSymbolicLink(path)) {
                    out.accept(
                            Finding.error(
                                    RecordFiles.display(path, workingDir),
                                    Position.WHOLE_FILE,
                                    Check.LOAD_012,
                                    "symbolic links are not read in snapshots"));
                } else if (!Files.isDirectory(path)) {
                    if (depth < 3 && !path.getFileName().toString().startsWith(".")) {
                        out.accept(
                                Finding.error(
                                        RecordFiles.display(path, workingDir),
                                        Position.WHOLE_FILE,
                                        Check.LOAD_011,
                                        "snapshots/ holds only <hub-org>/<repo>/<revision>/ folders"));
                    }
                } else if (depth == 3) {
                    folders.add(path);
                }
            }
        } catch (IOException e) {
            out.accept(
                    Finding.error(
                            RecordFiles.display(snapshotRoot, workingDir),
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            "cannot list snapshots: " + e.getMessage()));
        }
        return folders;
    }

    /**
     * Reads one folder. {@code schemaCheck} validates the parsed description and reports whether it
     * passed; only then is it bound.
     */
    public Optional<LoadedSnapshot> read(
            Path folder,
            Path workingDir,
            java.util.function.Predicate<ParsedRecord> schemaCheck,
            Consumer<Finding> out) {
        Path description = folder.resolve(DESCRIPTION);
        String shown = RecordFiles.display(description, workingDir);
        if (!Files.isRegularFile(description, LinkOption.NOFOLLOW_LINKS)) {
            out.accept(
                    Finding.error(
                            RecordFiles.display(folder, workingDir),
                            Position.WHOLE_FILE,
                            Check.SNAP_002,
                            "the snapshot folder has no snapshot.json; re-run keizu fetch"));
            return Optional.empty();
        }
        Optional<ParsedRecord> parsed = parse(RecordKind.SNAPSHOT, description, shown, out);
        if (parsed.isEmpty() || !schemaCheck.test(parsed.get())) {
            return Optional.empty();
        }
        Optional<Loaded<Snapshot>> bound = binder.bind(parsed.get(), Snapshot.class, out);
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, LoadedSnapshot.FileState> states = new java.util.TreeMap<>();
        for (Snapshot.SnapshotFile listed : bound.get().record().files()) {
            states.put(listed.name(), state(folder.resolve(listed.name())));
        }
        Path config = folder.resolve("config.json");
        Optional<JsonNode> configTree = Optional.empty();
        if (Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)) {
            configTree =
                    parse(RecordKind.SNAPSHOT, config, RecordFiles.display(config, workingDir), out)
                            .map(ParsedRecord::tree);
        }
        Optional<Loaded<WeightsFingerprint>> weights = Optional.empty();
        Path weightsFile = folder.resolve(WEIGHTS);
        if (Files.isRegularFile(weightsFile, LinkOption.NOFOLLOW_LINKS)) {
            weights =
                    parse(
                                    RecordKind.WEIGHTS,
                                    weightsFile,
                                    RecordFiles.display(weightsFile, workingDir),
                                    out)
                            .filter(schemaCheck)
                            .flatMap(p -> binder.bind(p, WeightsFingerprint.class, out));
        }
        return Optional.of(new LoadedSnapshot(bound.get(), folder, configTree, states, weights));
    }

    /**
     * Hashes a listed file as it is on disk; the check against snapshot.json is SnapshotCheck's.
     */
    private static LoadedSnapshot.FileState state(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new LoadedSnapshot.FileState(false, "", -1);
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                digest.update(buffer, 0, n);
            }
            return new LoadedSnapshot.FileState(
                    true, java.util.HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return new LoadedSnapshot.FileState(false, "", -1);
        }
    }

    private Optional<ParsedRecord> parse(
            RecordKind kind, Path file, String shown, Consumer<Finding> out) {
        try {
            RecordParser.ParseResult result =
                    parser.parse(kind, file, shown, RecordFiles.readCapped(file, kind.maxBytes()));
            result.findings().forEach(out);
            return result.record();
        } catch (IOException e) {
            out.accept(
                    Finding.error(
                            shown,
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
