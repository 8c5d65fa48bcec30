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
 * changed it, newest first, each with its day (UTC). Read from the repository, never from the
 * clock, so the same commit always gives the same history. Empty outside a git checkout; in a
 * shallow clone (as CI systems make by default) the history would be cut short, so none is read and
 * {@link #shallow()} says so: the pages then date records by their review alone.
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
    private final boolean shallow;

    private RecordHistory(Map<Path, List<Revision>> revisions, boolean shallow) {
        this.revisions = revisions;
        this.shallow = shallow;
    }

    /** No history: a folder outside git. */
    public static RecordHistory none() {
        return new RecordHistory(Map.of(), false);
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
                return new RecordHistory(Map.of(), true);
            }
            ObjectId head = repository.resolve("HEAD");
            if (head == null || repository.getWorkTree() == null) {
                return none();
            }
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            if (!data.startsWith(workTree)) {
                return none();
            }
            return new RecordHistory(walk(repository, head, workTree, data), false);
        } catch (IOException | RuntimeException e) {
            return none(); // an unreadable repository has no history to show; pages fall back
        }
    }

    private static Map<Path, List<Revision>> walk(
            Repository repository, ObjectId head, Path workTree, Path data) throws IOException {
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
                        revisions
                                .computeIfAbsent(
                                        workTree.resolve(changed.getPathString()).normalize(),
                                        k -> new ArrayList<>())
                                .add(revision);
                    }
                }
            }
        }
        revisions.replaceAll((file, list) -> List.copyOf(list));
        return Map.copyOf(revisions);
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
