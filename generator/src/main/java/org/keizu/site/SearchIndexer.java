package org.keizu.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.keizu.render.Language;
import org.keizu.render.SitePaths;

/**
 * Runs Pagefind over a rendered site, the build's last step, before the site is swapped in: a
 * failure leaves the old site as it was. Pagefind comes from npm (pinned in package.json, installed
 * by {@code npm ci}) and runs on the machine's node; its extended build segments Chinese, Japanese
 * and Korean text.
 *
 * <p>Each language gets an index of its own ({@code pagefind/<code>/}), made by a run of its own
 * over that language's pages: Pagefind holds every page it indexes in memory until it writes, so
 * one run over all three languages peaked at 4.1 GB at 10,000 models, the three runs one after the
 * other at 2.7 GB (the Japanese one), in the same total time. A reader's search page loads only its
 * language's index, which Pagefind would have chosen by the page's language anyway.
 *
 * <p>Pagefind's output (standard output and error together) goes to a temporary file rather than a
 * pipe, so that nothing waits on the output and the time limit holds: a run still going when it is
 * reached is ended with every process it started (node starts Pagefind's own binary).
 */
public final class SearchIndexer {
    /** How long one Pagefind run may take unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
     * At most this much of Pagefind's output goes into an error message (its end, where the cause
     * is).
     */
    private static final int MAX_OUTPUT_CHARS = 8_000;

    /** How long to wait for killed processes to go. */
    private static final long KILL_WAIT_SECONDS = 10;

    private final Path repoRoot;
    private final Duration timeout;

    /**
     * @param repoRoot where package.json and node_modules are
     */
    public SearchIndexer(Path repoRoot) {
        this(repoRoot, DEFAULT_TIMEOUT);
    }

    /**
     * @param repoRoot where package.json and node_modules are
     * @param timeout how long Pagefind may run before it is stopped and the build fails
     */
    public SearchIndexer(Path repoRoot, Duration timeout) {
        this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }

    /**
     * Indexes the pages of each of {@code languages} in {@code site} into its own bundle ({@link
     * SitePaths#searchBundle}), one Pagefind run after the other; the time limit is for all of them
     * together.
     */
    public void index(Path site, List<Language> languages) throws IOException {
        Path pagefind = repoRoot.resolve("node_modules/.bin/pagefind").toAbsolutePath();
        if (!Files.isExecutable(pagefind)) {
            throw new IOException(
                    "the search index needs Pagefind: run `npm ci` in "
                            + repoRoot.toAbsolutePath().normalize()
                            + " (Node.js and npm must be installed), or build with --no-search");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Language language : languages) {
            List<String> command =
                    List.of(
                            pagefind.toString(),
                            "--site",
                            site.toAbsolutePath().toString(),
                            "--glob",
                            glob(site, language, languages),
                            "--output-path",
                            site.resolve(SitePaths.searchBundle(language))
                                    .toAbsolutePath()
                                    .toString(),
                            "--quiet");
            run(command, deadline);
        }
    }

    /**
     * The pages of {@code language}: a translation's folder, or for English every folder at the
     * root but the translations' and the indexes' (the English site's pages are at the root).
     */
    static String glob(Path site, Language language, List<Language> languages) throws IOException {
        if (!language.english()) {
            return language.folder() + "**/*.html";
        }
        List<String> others =
                languages.stream()
                        .filter(l -> !l.english())
                        .map(l -> l.folder().substring(0, l.folder().length() - 1))
                        .toList();
        List<String> folders;
        try (var entries = Files.list(site)) {
            folders =
                    entries.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .filter(name -> !others.contains(name) && !name.equals("pagefind"))
                            .sorted()
                            .toList();
        }
        for (String folder : folders) {
            if (!GLOB_SAFE.matcher(folder).matches()) {
                throw new IOException(
                        "cannot index the folder \""
                                + folder
                                + "\" for search: a folder the site writes has a plain name");
            }
        }
        // The root's own files (the home page, 404.html) hold nothing Pagefind indexes.
        return folders.isEmpty() ? "*.html" : "{" + String.join(",", folders) + "}/**/*.html";
    }

    /** A folder name that means itself in a glob. */
    private static final java.util.regex.Pattern GLOB_SAFE =
            java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    private void run(List<String> command, long deadline) throws IOException {
        Path log = Files.createTempFile("keizu-pagefind", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException(
                        "cannot run Pagefind (is node on the PATH?): " + e.getMessage(), e);
            }
            run(process, log, Math.max(0, deadline - System.nanoTime()));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void run(Process process, Path log, long nanosLeft) throws IOException {
        boolean finished;
        try {
            finished = process.waitFor(nanosLeft, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Pagefind ran", e);
        }
        if (!finished) {
            destroyTree(process);
            String output = tail(log);
            throw new IOException(
                    "Pagefind did not finish within "
                            + describe(timeout)
                            + " and was stopped"
                            + (output.isEmpty() ? "" : ": " + output));
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    "Pagefind failed (exit " + process.exitValue() + "): " + tail(log));
        }
    }

    /**
     * Ends the process and everything it started. The descendants go first, while they can still be
     * found and while their parent is there to reap them; then the process itself.
     */
    private static void destroyTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_WAIT_SECONDS);
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            // Not our children: their exit cannot be waited for, only seen.
            while (descendants.stream().anyMatch(ProcessHandle::isAlive)
                    && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of what Pagefind printed, stripped. */
    private static String tail(Path log) throws IOException {
        long size = Files.size(log);
        long skip = Math.max(0, size - MAX_OUTPUT_CHARS * 4L);
        String text;
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(skip);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.length() > MAX_OUTPUT_CHARS) {
            text = "…" + text.substring(text.length() - MAX_OUTPUT_CHARS);
        } else if (skip > 0) {
            text = "…" + text;
        }
        return text.strip();
    }

    static String describe(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            long minutes = duration.toMinutes();
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (duration.toMillis() % 1_000 == 0) {
            long seconds = duration.toSeconds();
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return duration.toMillis() + " ms";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(
                System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
