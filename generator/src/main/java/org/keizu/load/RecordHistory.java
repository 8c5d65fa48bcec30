package org.keizu.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Each record file's revisions, read from the git history of the data folder: the commits that
 * changed it, newest first, each with its day (UTC), and for model records the file's bytes at each
 * of them (from which {@link RecordVersions} tells the versions). Read from the repository, never
 * from the clock, so the same commit always gives the same history. Empty outside a git checkout;
 * in a shallow clone (as CI systems make by default) the history would be cut short, so none is
 * read and {@link #shallow()} says so: the pages then date records by their review alone.
 */
public final class RecordHistory {
    /** One commit that changed a record: its full id and its day (YYYY-MM-DD, UTC). */
    public record Revision(String commit, String date) {
        /** The short form readers see, as git shows it. */
        public String shortCommit() {
            return commit.substring(0, 7);
        }
    }

    private final Map<Path, List<Revision>> revisions;

    /** The bytes of each model record at each revision, by file and then commit. */
    private final Map<Path, Map<String, byte[]>> contents;

    private final boolean shallow;

    private RecordHistory(
            Map<Path, List<Revision>> revisions,
            Map<Path, Map<String, byte[]>> contents,
            boolean shallow) {
        this.revisions = revisions;
        this.contents = contents;
        this.shallow = shallow;
    }

    /** No history: a folder outside git. */
    public static RecordHistory none() {
        return new RecordHistory(Map.of(), Map.of(), false);
    }

    /**
     * Whether {@code dataDir} lies in a shallow clone: cheap (no walk), for the check phase, which
     * warns about it without reading the history the pages need.
     */
    public static boolean isShallow(Path dataDir) {
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder()
                        .readEnvironment()
                        .findGitDir(dataDir.toAbsolutePath().normalize().toFile());
        return builder.getGitDir() != null
                && Files.exists(builder.getGitDir().toPath().resolve("shallow"));
    }

    /** The history of every file under {@code dataDir}. */
    public static RecordHistory read(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().readEnvironment().findGitDir(data.toFile());
        if (builder.getGitDir() == null) {
            return none();
        }
        try (Repository repository = builder.build()) {
            if (Files.exists(repository.getDirectory().toPath().resolve("shallow"))) {
                return new RecordHistory(Map.of(), Map.of(), true);
            }
            ObjectId head = repository.resolve("HEAD");
            if (head == null || repository.getWorkTree() == null) {
                return none();
            }
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            if (!data.startsWith(workTree)) {
                return none();
            }
            Map<Path, Map<String, byte[]>> contents = new HashMap<>();
            Map<Path, List<Revision>> revisions =
                    walk(
                            repository,
                            head,
                            workTree,
                            data,
                            data.resolve(RecordKind.MODEL.folder()),
                            contents);
            contents.replaceAll((file, byCommit) -> Map.copyOf(byCommit));
            return new RecordHistory(revisions, Map.copyOf(contents), false);
        } catch (IOException | RuntimeException e) {
            return none(); // an unreadable repository has no history to show; pages fall back
        }
    }

    /**
     * Walks the commits from {@code head}, newest first, noting for each file under {@code data}
     * the commits that changed it; for files under {@code records} also their bytes (each blob read
     * once, at most {@link RecordMapper#MAX_FILE_BYTES} of it, the loader's own limit).
     */
    private static Map<Path, List<Revision>> walk(
            Repository repository,
            ObjectId head,
            Path workTree,
            Path data,
            Path records,
            Map<Path, Map<String, byte[]>> contents)
            throws IOException {
        Map<ObjectId, byte[]> blobs = new HashMap<>();
        String prefix = workTree.relativize(data).toString().replace('\\', '/');
        TreeFilter under = prefix.isEmpty() ? TreeFilter.ALL : PathFilter.create(prefix);
        Map<Path, List<Revision>> revisions = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                Revision revision =
                        new Revision(
                                commit.getName(),
                                Instant.ofEpochSecond(commit.getCommitTime())
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalDate()
                                        .toString());
                try (TreeWalk changed = new TreeWalk(repository)) {
                    changed.setRecursive(true);
                    if (commit.getParentCount() == 0) {
                        changed.addTree(commit.getTree());
                        changed.setFilter(under);
                    } else {
                        // A merge counts as a change where it differs from its first parent.
                        changed.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                        changed.addTree(commit.getTree());
                        changed.setFilter(AndTreeFilter.create(under, TreeFilter.ANY_DIFF));
                    }
                    while (changed.next()) {
                        if (changed.getTreeCount() == 2 && changed.getFileMode(1).getBits() == 0) {
                            continue; // deleted here: no longer a record
                        }
                        Path file = workTree.resolve(changed.getPathString()).normalize();
                        revisions.computeIfAbsent(file, k -> new ArrayList<>()).add(revision);
                        if (file.startsWith(records)) {
                            ObjectId blob = changed.getObjectId(changed.getTreeCount() - 1);
                            byte[] bytes =
                                    blobs.computeIfAbsent(blob, id -> readBlob(repository, id));
                            if (bytes != null) {
                                contents.computeIfAbsent(file, k -> new HashMap<>())
                                        .put(commit.getName(), bytes);
                            }
                        }
                    }
                }
            }
        }
        revisions.replaceAll((file, list) -> List.copyOf(list));
        return Map.copyOf(revisions);
    }

    /** A blob's bytes, or null when it is larger than any record may be (so never a version). */
    private static byte[] readBlob(Repository repository, ObjectId blob) {
        try {
            return repository.open(blob).getCachedBytes(RecordMapper.MAX_FILE_BYTES);
        } catch (IOException | LargeObjectException e) {
            return null;
        }
    }

    /**
     * The bytes of a model record's file at one of its revisions; empty for other files, or when
     * the file was too large to be a record then.
     */
    public Optional<byte[]> contentAt(Path file, Revision revision) {
        return Optional.ofNullable(
                contents.getOrDefault(file.toAbsolutePath().normalize(), Map.of())
                        .get(revision.commit()));
    }

    /** The commits that changed this file, newest first; empty when there is no history. */
    public List<Revision> of(Path file) {
        return revisions.getOrDefault(file.toAbsolutePath().normalize(), List.of());
    }

    /** True when the data is in a shallow clone, whose history is cut short and so not shown. */
    public boolean shallow() {
        return shallow;
    }
}
