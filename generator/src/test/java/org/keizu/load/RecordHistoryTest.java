package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * A record's history comes from the commits that changed its file, in a real repository: newest
 * first, dated by the commit (UTC), shown on the evidence page; a shallow clone shows none and says
 * why, and still builds.
 */
class RecordHistoryTest {

    private static void append(Path file, String text) throws Exception {
        Files.writeString(
                file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void listsTheCommitsThatChangedEachRecordNewestFirst(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path national = data.resolve("models/national-model.yaml");
        Path base = data.resolve("models/base-model.yaml");
        assertEquals(
                List.of(),
                RecordHistory.read(data).of(national),
                "outside git there is no history");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            RevCommit first =
                    TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            append(national, "\n");
            RevCommit second =
                    TestRegistries.commit(git, "add a blank line", "2026-11-30T23:30:00Z");
            Files.writeString(root.resolve("README.md"), "not data\n");
            TestRegistries.commit(git, "outside the data", "2026-12-01T10:00:00Z");

            RecordHistory history = RecordHistory.read(data);
            assertFalse(history.shallow());
            assertEquals(
                    List.of(
                            new RecordHistory.Revision(second.getName(), "2026-11-30"),
                            new RecordHistory.Revision(first.getName(), "2026-11-29")),
                    history.of(national));
            assertEquals(
                    List.of(new RecordHistory.Revision(first.getName(), "2026-11-29")),
                    history.of(base),
                    "a record no commit changed since it was added");
            assertEquals(
                    List.of(),
                    history.of(root.resolve("README.md")),
                    "only the data folder is read");

            RegistryBuild.Result built =
                    new RegistryBuild(TestRegistries.options(root))
                            .build(
                                    new RegistryBuild.Output(
                                            root.resolve("site"),
                                            "/",
                                            "",
                                            false,
                                            "https://github.com/example/keizu"));
            assertFalse(built.findings().hasErrors(), built.findings().sorted().toString());
            Document page =
                    Jsoup.parse(root.resolve("site/models/national-model/index.html").toFile());
            // The second commit only added a blank line: the record reads the same, so it is still
            // version 1, first published and last changed by the first commit.
            assertEquals(
                    "First published 2026-11-29; last changed 2026-11-29.",
                    page.selectFirst("#history + p").text());
            assertEquals(
                    List.of("https://github.com/example/keizu/commit/" + first.getName()),
                    page.select("ol.history a").eachAttr("href"));
        }
    }

    @Test
    void aShallowCloneShowsNoHistoryButSaysWhyAndStillBuilds(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            RevCommit only = TestRegistries.commit(git, "add the registry", "2026-11-29T10:00:00Z");
            Files.writeString(root.resolve(".git/shallow"), only.getName() + "\n");
        }
        RecordHistory history = RecordHistory.read(data);
        assertTrue(history.shallow());
        assertEquals(List.of(), history.of(data.resolve("models/national-model.yaml")));

        RegistryBuild.Result built =
                new RegistryBuild(TestRegistries.options(root))
                        .build(new RegistryBuild.Output(root.resolve("site"), "/", "", false, ""));
        assertFalse(built.findings().hasErrors());
        assertEquals(
                List.of("HIST-001"),
                built.findings().sorted().stream().map(f -> f.check().code()).distinct().toList());
        Document page = Jsoup.parse(root.resolve("site/models/national-model/index.html").toFile());
        assertTrue(page.select("#history").isEmpty(), "no list that would be cut short");
    }
}
