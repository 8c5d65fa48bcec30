package org.keizu.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.keizu.model.PartialDate;

/**
 * The date the dataset speaks for, when no {@code --as-of} is given: the day (UTC) of the commit
 * the data folder is checked out at. Read from the repository, never from the clock, so the same
 * commit always gives the same date; and never from a record, so no record can date the dataset.
 * Empty outside a git checkout, and when the data folder has changes not yet committed (a local
 * preview): those builds fall back to the newest review date, and publish nothing.
 */
public final class CommitDate {
    private CommitDate() {}

    public static Optional<PartialDate> of(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().readEnvironment().findGitDir(data.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build();
                Git git = new Git(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null || repository.getWorkTree() == null) {
                return Optional.empty();
            }
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            if (!data.startsWith(workTree)) {
                return Optional.empty();
            }
            String relative = workTree.relativize(data).toString().replace('\\', '/');
            boolean clean =
                    git.status().addPath(relative.isEmpty() ? "." : relative).call().isClean();
            if (!clean) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(head);
                Instant when = Instant.ofEpochSecond(commit.getCommitTime());
                return PartialDate.parse(when.atOffset(ZoneOffset.UTC).toLocalDate().toString());
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            return Optional.empty(); // an unreadable repository dates nothing; the fallback applies
        }
    }
}
