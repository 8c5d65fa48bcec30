package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.model.PartialDate;

/** The dataset's date comes from the commit, never from a record and never from the clock. */
class CommitDateTest {
    private static final PersonIdent AUTHOR =
            new PersonIdent(
                    "Keizu test",
                    "test@example.org",
                    Instant.parse("2026-01-15T23:30:00Z"),
                    java.time.ZoneId.of("Asia/Tokyo"));

    private static void commitAll(Git git) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage("data")
                .setAuthor(AUTHOR)
                .setCommitter(AUTHOR)
                .setSign(false)
                .call();
    }

    @Test
    void isTheCommitsDayInUtcAndEmptyWithUncommittedChangesOrOutsideGit(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        assertEquals(Optional.empty(), CommitDate.of(data), "not a git checkout");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            commitAll(git);
            assertEquals(
                    PartialDate.parse("2026-01-15"),
                    CommitDate.of(data),
                    "23:30 UTC is already the 16th in Tokyo");
            Files.writeString(
                    data.resolve("models/base-model.yaml"),
                    "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            assertEquals(
                    Optional.empty(),
                    CommitDate.of(data),
                    "a local preview with changes is not dated by the commit");
        }
    }

    @Test
    void aRecordReviewedInTheFutureCannotDateTheDatasetAndIsAFinding(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/base-model.yaml");
        Files.writeString(
                record,
                Files.readString(record).replace("reviewed: 2026-11-29", "reviewed: 2999-01-01"));
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            commitAll(git);
        }

        List<Finding> findings =
                new RegistryBuild(TestRegistries.options(root)).validate().sorted();

        assertTrue(
                findings.stream()
                        .anyMatch(
                                f ->
                                        f.check() == Check.VAL_004
                                                && f.file().endsWith("base-model.yaml")
                                                && f.message().contains("2999-01-01")
                                                && f.message().contains("2026-01-15")),
                findings.toString());
    }
}
