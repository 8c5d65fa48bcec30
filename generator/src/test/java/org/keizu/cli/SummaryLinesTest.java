package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/** Every command ends with one line saying what it did, on standard error. */
class SummaryLinesTest {
    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void validateSaysWhatItCheckedAndWhatItFound(@TempDir Path root) {
        Path data = TestRegistries.validFixture(root);
        Cli cli = Cli.run("validate", "--data", data.toString(), "--as-of", "2026-11-30");
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(
                "checked 3 models, 2 organisations, 1 programme and 3 snapshots: 0 errors, 0"
                        + " warnings",
                lastLine(cli.err()));
    }

    @Test
    void buildSaysHowManyFilesItWroteAndWhere(@TempDir Path root) {
        Path data = TestRegistries.validFixture(root);
        Path out = root.resolve("out");
        Cli cli =
                Cli.run(
                        "build",
                        "--data",
                        data.toString(),
                        "--templates",
                        TestRegistries.TEMPLATES.toString(),
                        "--out",
                        out.toString(),
                        "--no-search",
                        "--as-of",
                        "2026-11-30");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(lastLine(cli.err()).matches("wrote [0-9]+ files to .*out"), cli.err());
        assertTrue(
                !cli.err().contains("rendering the pages"),
                "progress stays out of logs and pipes: " + cli.err());
    }

    @Test
    void aBuildTellsItsProgressListenerEachPhase(@TempDir Path root) throws IOException {
        TestRegistries.validFixture(root);
        List<String> steps = new java.util.ArrayList<>();
        new org.keizu.RegistryBuild(TestRegistries.options(root))
                .build(
                        new org.keizu.RegistryBuild.Output(root.resolve("out"), "/", "", false),
                        steps::add);
        assertEquals("checking the records", steps.get(0));
        assertTrue(
                steps.get(1).matches("checked 3 models; reading their history"), steps.toString());
        assertEquals("rendering the pages", steps.get(2));
        assertEquals(3, steps.size(), "no search index asked for: " + steps);
    }

    @Test
    void detectSaysWhatItComparedAndTheClosestBase(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path config;
        try (var folders = Files.list(data.resolve("snapshots/base-lab/Base-Model"))) {
            config = folders.findFirst().orElseThrow().resolve("config.json");
        }
        Cli cli =
                Cli.run(
                        "detect",
                        "--data",
                        data.toString(),
                        "--templates",
                        TestRegistries.TEMPLATES.toString(),
                        config.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(
                lastLine(cli.err())
                        .matches(
                                "compared .*config\\.json with [0-9]+ bases? that have"
                                        + " snapshots; closest: base-model at E[0-4]"),
                cli.err());
    }

    @Test
    void newSaysWhatItWroteAndWhatToDoNext(@TempDir Path root) {
        Path data = TestRegistries.validFixture(root);
        Cli cli = Cli.run("new", "model", "fresh-model", "--data", data.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(lastLine(cli.err()).startsWith("wrote "), cli.err());
        assertTrue(lastLine(cli.err()).contains("then run keizu validate"), cli.err());
    }
}
