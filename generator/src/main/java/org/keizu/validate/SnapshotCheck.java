package org.keizu.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.LoadedSnapshot;
import org.keizu.load.SnapshotStore;
import org.keizu.model.Snapshot;
import org.keizu.model.UrlPolicy;
import org.keizu.registry.Registry;

/**
 * Each snapshot's bytes are what its snapshot.json says: same sha256 and size, no file missing or
 * extra, and the folder named after the repo and revision. A snapshot edited by hand fails here.
 */
public final class SnapshotCheck implements RegistryCheck {
    private final Path snapshotRoot;
    private final Path workingDir;

    public SnapshotCheck(Path snapshotRoot, Path workingDir) {
        this.snapshotRoot = snapshotRoot;
        this.workingDir = workingDir;
    }

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        for (LoadedSnapshot loaded : registry.snapshots()) {
            Snapshot snapshot = loaded.snapshot();
            String file = loaded.description().file();
            Path expected =
                    snapshotRoot.resolve(snapshot.repo()).resolve(snapshot.folder()).normalize();
            if (!expected.equals(loaded.folder().normalize())) {
                out.accept(
                        Finding.error(
                                file,
                                loaded.description()
                                        .at(snapshot.revision() == null ? "/repo" : "/revision"),
                                Check.SNAP_003,
                                "this snapshot of "
                                        + snapshot.repo()
                                        + " belongs in snapshots/"
                                        + snapshot.repo()
                                        + "/"
                                        + snapshot.folder()
                                        + "/"));
            }
            Set<String> listed = new HashSet<>();
            List<Snapshot.SnapshotFile> files = snapshot.files();
            for (int i = 0; i < files.size(); i++) {
                Snapshot.SnapshotFile f = files.get(i);
                listed.add(f.name());
                LoadedSnapshot.FileState found = loaded.files().get(f.name());
                if (found == null || !found.present()) {
                    out.accept(
                            Finding.error(
                                    file,
                                    loaded.description().at("/files/" + i + "/name"),
                                    Check.SNAP_002,
                                    f.name() + " is listed but missing from the folder"));
                } else if (found.size() != f.size() || !found.sha256().equals(f.sha256())) {
                    out.accept(
                            Finding.error(
                                    file,
                                    loaded.description().at("/files/" + i + "/sha256"),
                                    Check.SNAP_001,
                                    f.name()
                                            + " has sha256 "
                                            + found.sha256()
                                            + " and "
                                            + found.size()
                                            + " bytes; snapshot.json says "
                                            + f.sha256()
                                            + " and "
                                            + f.size()
                                            + ". Snapshots are never edited by hand: re-run keizu fetch"));
                }
            }
            loaded.weightsFile()
                    .ifPresent(
                            weights -> {
                                var w = weights.record();
                                if (!w.repo().equals(snapshot.repo())
                                        || !w.revision().equals(snapshot.revision())) {
                                    out.accept(
                                            Finding.error(
                                                    weights.file(),
                                                    weights.at("/revision"),
                                                    Check.SNAP_006,
                                                    "this weights fingerprint is of "
                                                            + w.repo()
                                                            + "@"
                                                            + w.revision()
                                                            + ", not of the snapshot beside it ("
                                                            + snapshot.id()
                                                            + "); it is not used. Re-run keizu"
                                                            + " fetch --weights"));
                                }
                            });
            String via = snapshot.via() == null ? null : snapshot.via().url();
            if (via != null) {
                UrlPolicy.problem(via)
                        .ifPresent(
                                problem ->
                                        out.accept(
                                                Finding.error(
                                                        file,
                                                        loaded.description().at("/via/url"),
                                                        Check.VAL_005,
                                                        "URL \"" + via + "\" " + problem)));
            }
            if (!listed.contains("config.json")) {
                out.accept(
                        Finding.error(
                                file,
                                loaded.description().at("/files"),
                                Check.SNAP_002,
                                "a snapshot holds config.json; detection reads it"));
            }
            try (Stream<Path> present = Files.list(loaded.folder())) {
                for (Path p : present.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals(SnapshotStore.DESCRIPTION)
                            && !name.equals(SnapshotStore.WEIGHTS)
                            && !listed.contains(name)) {
                        out.accept(
                                Finding.error(
                                        org.keizu.load.RecordFiles.display(p, workingDir),
                                        org.keizu.diagnostic.Position.WHOLE_FILE,
                                        Check.SNAP_002,
                                        "not listed in snapshot.json; snapshots hold only the files they describe"));
                    }
                }
            } catch (IOException e) {
                out.accept(
                        Finding.error(
                                file,
                                org.keizu.diagnostic.Position.WHOLE_FILE,
                                Check.SNAP_002,
                                e.getMessage()));
            }
        }
    }
}
