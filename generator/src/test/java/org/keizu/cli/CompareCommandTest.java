package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/** {@code keizu compare}: Markdown on success, a sentence and exit 1 on a bad file, 2 on misuse. */
class CompareCommandTest {
    @Test
    void printsTheSummaryOfTwoBuiltSites(@TempDir Path dir) throws Exception {
        TestRegistries.buildReal(dir.resolve("site"), "/", "", false);
        String registry = dir.resolve("site/data/registry.json").toString();
        Cli cli = Cli.run("compare", registry, registry);
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("## What this change does to verdicts"), cli.out());
        assertTrue(cli.out().contains("No verdict or grade changes."), cli.out());

        Files.writeString(dir.resolve("bad.json"), "{\"schema_version\": 1, \"models\": {");
        Cli bad = Cli.run("compare", registry, dir.resolve("bad.json").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("keizu compare: "), bad.err());
        assertTrue(bad.err().contains("bad.json: not well-formed JSON"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertFalse(bad.err().contains("\tat "), bad.err());

        Cli missing = Cli.run("compare", registry, dir.resolve("none.json").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("none.json: no such file"), missing.err());

        assertEquals(2, Cli.run("compare", registry).exitCode());
    }
}
