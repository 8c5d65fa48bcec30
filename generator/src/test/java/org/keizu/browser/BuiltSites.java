package org.keizu.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keizu.TestRegistries;

/**
 * The real registry built once per JVM for the integration tests (BrowserIT, SearchIT,
 * PublishedSiteIT), which Failsafe runs in one JVM: each (base URL, origin) is built at most once,
 * with its search index, the first time a test asks for it, into one temporary folder that is
 * deleted when the JVM exits. Tests read these sites and never change them.
 */
public final class BuiltSites {
    private static final Map<String, Path> SITES = new ConcurrentHashMap<>();
    private static Path root;

    private BuiltSites() {}

    /**
     * The real registry built for {@code baseUrl} ("/" or "/keizu/") with no origin, as the browser
     * tests serve it.
     */
    public static Path real(String baseUrl) {
        return real(baseUrl, "");
    }

    /**
     * The real registry built for {@code baseUrl} and {@code origin} ("" or "https://host"), with
     * its search index; built on the first call, then shared.
     */
    public static synchronized Path real(String baseUrl, String origin) {
        String key = baseUrl + " " + origin;
        Path site = SITES.get(key);
        if (site == null) {
            site = folder().resolve("site-" + SITES.size());
            try {
                TestRegistries.buildReal(site, baseUrl, origin, true);
            } catch (IOException e) {
                throw new UncheckedIOException("building the real site for " + key, e);
            }
            SITES.put(key, site);
        }
        return site;
    }

    /** A fresh folder beside the shared sites, for what a test writes (a browser profile). */
    public static synchronized Path scratch(String name) throws IOException {
        return Files.createTempDirectory(folder(), name);
    }

    private static Path folder() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("keizu-it-sites");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path toDelete = root;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> delete(toDelete), "delete keizu-it-sites"));
        }
        return root;
    }

    private static void delete(Path folder) {
        try {
            Files.walkFileTree(
                    folder,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            Files.deleteIfExists(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // A leftover temporary folder is no reason to fail the run.
        }
    }
}
