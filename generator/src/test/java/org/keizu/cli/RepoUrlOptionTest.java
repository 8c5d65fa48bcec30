package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/**
 * {@code build --repo-url}: a repository's https address turns on the links readers act through;
 * anything else is a usage error that writes nothing; an empty value (Maven's default) means none.
 */
class RepoUrlOptionTest {
    private static Cli build(Path root, String repoUrl) {
        Path data = TestRegistries.validFixture(root);
        return Cli.run(
                "build",
                "--data",
                data.toString(),
                "--templates",
                TestRegistries.TEMPLATES.toString(),
                "--out",
                root.resolve("site").toString(),
                "--no-search",
                "--repo-url=" + repoUrl);
    }

    @Test
    void aRepositoryAddressPutsTheLinksOnThePages(@TempDir Path root) throws Exception {
        Cli cli = build(root, "https://github.com/keizu-example/keizu");
        assertEquals(0, cli.exitCode(), cli.err());
        String page = Files.readString(root.resolve("site/models/national-model/index.html"));
        assertTrue(
                page.contains(
                        "https://github.com/keizu-example/keizu/edit/main/data/models/national-model.yaml"),
                "the record's file, to edit");
        assertTrue(
                page.contains(
                        "https://github.com/keizu-example/keizu/issues/new?template=correction.yml&amp;title="),
                "the correction form");
        assertTrue(
                page.contains(
                        "https://github.com/keizu-example/keizu/issues/new?template=makers-reply.yml&amp;title="),
                "the makers' reply form");
    }

    @Test
    void anyOtherAddressIsAUsageErrorThatWritesNothing(@TempDir Path root) {
        for (String url :
                new String[] {
                    "http://github.com/o/keizu",
                    "https://github.com/o",
                    "not a url",
                    "https://10.0.0.1/o/r"
                }) {
            Cli cli = build(root, url);
            assertEquals(2, cli.exitCode(), url + ": " + cli.err());
            assertTrue(cli.err().contains("--repo-url must be"), cli.err());
            assertFalse(Files.exists(root.resolve("site")), url + ": nothing written");
        }
    }

    @Test
    void anEmptyAddressMeansNoRepository(@TempDir Path root) throws Exception {
        Cli cli = build(root, "");
        assertEquals(0, cli.exitCode(), cli.err());
        assertFalse(
                Files.readString(root.resolve("site/models/national-model/index.html"))
                        .contains("/issues/new"));
    }
}
