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

/**
 * Runs Pagefind over a rendered site, the build's last step, before the site is swapped in: a
 * failure leaves the old site as it was. Pagefind comes from npm (pinned in package.json, installed
 * by {@code npm ci}) and runs on the machine's node; its extended build segments Chinese, Japanese
 * and Korean text.
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

    public void index(Path site) throws IOException {
        Path pagefind = repoRoot.resolve("node_modules/.bin/pagefind").toAbsolutePath();
        if (!Files.isExecutable(pagefind)) {
            throw new IOException(
                    "the search index needs Pagefind: run `npm ci` in "
                            + repoRoot.toAbsolutePath().normalize()
                            + " (Node.js and npm must be installed), or build with --no-search");
        }
        Path log = Files.createTempFile("keizu-pagefind", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    List.of(
                                            pagefind.toString(),
                                            "--site",
                                            site.toAbsolutePath().toString(),
                                            "--output-subdir",
                                            "pagefind",
                                            "--quiet"))
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
            run(process, log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void run(Process process, Path log) throws IOException {
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
