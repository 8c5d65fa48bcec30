package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/** The command line through injected streams: exit 0 success, 1 findings, 2 usage error. */
class CommandLineTest {
    @Test
    void validatesACleanRegistryWithExitZero(@TempDir Path root) {
        Path data = TestRegistries.validFixture(root);
        Cli cli = Cli.run("validate", "--data", data.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("", cli.out());
        assertTrue(cli.err().contains("0 errors, "), cli.err());
    }

    @Test
    void printsFindingsAsFileLineColumnAndExitsOne(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path model = data.resolve("models/national-model.yaml");
        String broken =
                Files.readString(model)
                        .replace(
                                "base: base-model\n    relation",
                                "base: deepseek-v9\n    relation");
        Files.writeString(model, broken);
        int line = broken.substring(0, broken.indexOf("base: deepseek-v9")).split("\n", -1).length;
        Cli cli = Cli.run("validate", "--data", data.toString());
        assertEquals(1, cli.exitCode());
        assertTrue(
                cli.out()
                        .contains(
                                "national-model.yaml:"
                                        + line
                                        + ":11: error [REF-002 unknown-base] base \"deepseek-v9\" is not in the registry"),
                cli.out());
    }

    @Test
    void printsGithubAnnotations(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(data.resolve("models/broken.yaml"), "id: broken\n");
        Cli cli = Cli.run("validate", "--format", "github", "--data", data.toString());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.out().contains("::error file="), cli.out());
        assertTrue(
                cli.out().contains(",title=SCHEMA-002 missing-field::missing required field"),
                cli.out());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path root) {
        Path data = TestRegistries.validFixture(root);
        assertEquals(2, Cli.run().exitCode());
        assertEquals(2, Cli.run("frobnicate").exitCode());
        assertEquals(2, Cli.run("validate", "--no-such-option").exitCode());
        assertEquals(
                2, Cli.run("validate", "--format", "xml", "--data", data.toString()).exitCode());
        assertEquals(
                2,
                Cli.run("validate", "--as-of", "2024-02-30", "--data", data.toString()).exitCode());
        assertEquals(
                2, Cli.run("validate", "--data", root.resolve("nowhere").toString()).exitCode());
        assertEquals(
                2,
                Cli.run("build", "--base-url", "https://x/", "--data", data.toString()).exitCode());
        Cli http =
                Cli.run(
                        "fetch",
                        "--hub",
                        "http://127.0.0.1:1",
                        "--data",
                        data.toString(),
                        "national-model");
        assertEquals(2, http.exitCode());
        assertTrue(http.err().contains("only speaks https"), http.err());
        assertEquals(2, Cli.run("fetch", "--data", data.toString()).exitCode());
        assertEquals(
                2,
                Cli.run("fetch", "--all", "national-model", "--data", data.toString()).exitCode());
        Cli both =
                Cli.run(
                        "fetch",
                        "--check",
                        "--weights",
                        "national-model",
                        "--data",
                        data.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--check and --weights do not go together"), both.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"validate", "build", "detect", "fetch"}) {
            Cli cli = Cli.run(command, "--help");
            assertEquals(0, cli.exitCode());
            assertTrue(cli.out().contains("Usage: keizu " + command), cli.out());
        }
        assertEquals(0, Cli.run("--help").exitCode());
    }

    @Test
    void listsEveryCheckExactlyAsContributingDocumentsThem() throws Exception {
        Cli cli = Cli.run("validate", "--list-checks");
        assertEquals(0, cli.exitCode());
        String contributing = Files.readString(TestRegistries.REPO.resolve("CONTRIBUTING.md"));
        for (String line : cli.out().lines().toList()) {
            assertTrue(contributing.contains(line + "\n"), "CONTRIBUTING.md lacks: " + line);
        }
        assertEquals(org.keizu.diagnostic.Check.values().length, cli.out().lines().count());
    }

    @Test
    void asOfRejectsRecordsReviewedLater(@TempDir Path root) {
        Path data = TestRegistries.validFixture(root);
        Cli cli = Cli.run("validate", "--as-of", "2026-01-01", "--data", data.toString());
        assertEquals(1, cli.exitCode());
        assertTrue(
                cli.out()
                        .contains(
                                "[VAL-004 dates-out-of-order] reviewed 2026-11-29 is after the dataset's date 2026-01-01"),
                cli.out());
    }
}
