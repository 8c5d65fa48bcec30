package org.keizu.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Pagefind over a rendered site, the build's last step, before the site is swapped in: a
 * failure leaves the old site as it was. Pagefind comes from npm (pinned in package.json, installed
 * by {@code npm ci}) and runs on the machine's node; its extended build segments Chinese, Japanese
 * and Korean text.
 */
public final class SearchIndexer {
    private final Path repoRoot;

    /** @param repoRoot where package.json and node_modules are */
    public SearchIndexer(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    public void index(Path site) throws IOException {
        Path pagefind = repoRoot.resolve("node_modules/.bin/pagefind").toAbsolutePath();
        if (!Files.isExecutable(pagefind)) {
            throw new IOException("the search index needs Pagefind: run `npm ci` in " + repoRoot.toAbsolutePath().normalize()
                    + " (Node.js and npm must be installed), or build with --no-search");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(pagefind.toString(), "--site", site.toAbsolutePath().toString(),
                "--output-subdir", "pagefind", "--quiet")).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run Pagefind (is node on the PATH?): " + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("Pagefind did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException("Pagefind failed (exit " + process.exitValue() + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Pagefind ran", e);
        }
    }
}
