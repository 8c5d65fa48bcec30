package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.render.Language;

/**
 * SearchIndexer against a fake Pagefind (a shell script at node_modules/.bin/pagefind of a fake
 * repository root): the time limit really stops a run that hangs, with everything it started, and a
 * failing run reports its exit code and what it printed.
 */
@DisabledOnOs(OS.WINDOWS)
class SearchIndexerTest {
    @TempDir Path repo;

    private Path fakePagefind(String body) throws IOException {
        Path bin = Files.createDirectories(repo.resolve("node_modules/.bin"));
        Path script = bin.resolve("pagefind");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private Path site() throws IOException {
        return Files.createDirectories(repo.resolve("site"));
    }

    @Test
    void aRunThatHangsIsStoppedAtTheTimeLimitWithEverythingItStarted() throws Exception {
        Path pids = repo.resolve("pids");
        // Like node starting Pagefind's binary: the script waits on a child of its own.
        fakePagefind("echo indexing\nsleep 60 &\necho $$ $! > '" + pids + "'\nwait");
        SearchIndexer indexer = new SearchIndexer(repo, Duration.ofSeconds(2));
        Path site = site();

        long start = System.nanoTime();
        IOException e =
                assertThrows(IOException.class, () -> indexer.index(site, List.of(Language.EN)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.getMessage().contains("did not finish within 2 seconds"), e.getMessage());
        assertTrue(
                e.getMessage().contains("indexing"), "what it printed so far: " + e.getMessage());
        assertTrue(
                took.compareTo(Duration.ofSeconds(20)) < 0,
                "stopped after " + took + ", not after the script's 60 s");
        assertTrue(
                took.compareTo(Duration.ofMillis(1_900)) >= 0,
                "waited the full limit first: " + took);
        for (String pid : Files.readString(pids).strip().split(" ")) {
            ProcessHandle.of(Long.parseLong(pid))
                    .ifPresent(p -> assertFalse(waitForExit(p), "process " + pid + " still runs"));
        }
    }

    private static boolean waitForExit(ProcessHandle process) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (process.isAlive() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return process.isAlive();
    }

    @Test
    void aFailingRunReportsItsExitCodeAndMessage() throws IOException {
        fakePagefind("echo 'Pagefind: found no HTML files in the site folder' >&2\nexit 3");
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> new SearchIndexer(repo).index(site(), List.of(Language.EN)));
        assertEquals(
                "Pagefind failed (exit 3): Pagefind: found no HTML files in the site folder",
                e.getMessage());
    }

    @Test
    void eachLanguageIsIndexedByARunOfItsOwnIntoItsOwnBundle() throws IOException {
        Path args = repo.resolve("args");
        fakePagefind("echo \"$@\" >> '" + args + "'\necho done");
        Path site = site();
        for (String folder : List.of("models", "about", "ja", "ko", "pagefind", "assets")) {
            Files.createDirectories(site.resolve(folder));
        }
        Files.writeString(site.resolve("index.html"), "<!doctype html>");
        assertDoesNotThrow(
                () ->
                        new SearchIndexer(repo, Duration.ofSeconds(30))
                                .index(site, List.of(Language.EN, Language.JA, Language.KO)));
        String root = site.toAbsolutePath().toString();
        // English: every folder at the root but the translations' and the indexes'.
        assertEquals(
                List.of(
                        "--site "
                                + root
                                + " --glob {about,assets,models}/**/*.html --output-path "
                                + root
                                + "/pagefind/en --quiet",
                        "--site "
                                + root
                                + " --glob ja/**/*.html --output-path "
                                + root
                                + "/pagefind/ja --quiet",
                        "--site "
                                + root
                                + " --glob ko/**/*.html --output-path "
                                + root
                                + "/pagefind/ko --quiet"),
                Files.readAllLines(args));
    }

    @Test
    void aFolderWhoseNameWouldBeAPatternIsRefused() throws IOException {
        fakePagefind("exit 0");
        Path site = site();
        Files.createDirectories(site.resolve("a{b"));
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> new SearchIndexer(repo).index(site, List.of(Language.EN)));
        assertTrue(e.getMessage().contains("a{b"), e.getMessage());
    }

    @Test
    void withoutPagefindTheBuildSaysToRunNpmCi() {
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> new SearchIndexer(repo).index(repo, List.of(Language.EN)));
        assertTrue(e.getMessage().contains("run `npm ci`"), e.getMessage());
    }

    @Test
    void theTimeLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SearchIndexer(repo, Duration.ZERO));
    }

    @Test
    void describesTheTimeLimitInWords() {
        assertEquals("10 minutes", SearchIndexer.describe(SearchIndexer.DEFAULT_TIMEOUT));
        assertEquals("1 second", SearchIndexer.describe(Duration.ofSeconds(1)));
        assertEquals("90 seconds", SearchIndexer.describe(Duration.ofSeconds(90)));
        assertEquals("1500 ms", SearchIndexer.describe(Duration.ofMillis(1500)));
    }
}
