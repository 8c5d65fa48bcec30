package org.keizu.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.keizu.site.OutputFile;
import org.keizu.site.SiteWriter;

/**
 * The preview's output folder, rewritten in place: a rebuild renders every file, but only those
 * whose bytes differ from what the folder holds are written (each to a temporary name, then
 * renamed, so the server never sends half a file), and files the site no longer has are removed.
 * The folder remembers a digest of each file it holds instead of reading them back. It touches
 * nothing but the files it found or wrote under its root.
 */
final class OutputFolder {
    private final Path root;

    /** What is on disk now: each file's path under the root (with '/') and its SHA-256. */
    private final Map<String, byte[]> digests = new HashMap<>();

    /** Set when the preview stops: a rebuild under way then ends at its next file. */
    private volatile boolean closed;

    /**
     * Takes {@code dir} as the output: a new or empty folder, or a site Keizu wrote (it holds
     * {@link SiteWriter#MARKER}), whose files are kept where they have not changed.
     */
    OutputFolder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            throw new IOException("the output folder " + dir + " is a symbolic link");
        }
        Files.createDirectories(absolute);
        this.root = absolute.toRealPath();
        List<Path> existing;
        try (Stream<Path> files = Files.walk(root)) {
            existing =
                    files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        if (!existing.isEmpty() && !Files.exists(root.resolve(SiteWriter.MARKER))) {
            throw new IOException(
                    "the output folder "
                            + dir
                            + " holds files Keizu did not write (no "
                            + SiteWriter.MARKER
                            + "); choose an empty or new folder with --out");
        }
        for (Path file : existing) {
            String path = relative(file);
            if (!path.equals(SiteWriter.MARKER)) {
                digests.put(path, digest(Files.readAllBytes(file)));
            }
        }
        Files.write(root.resolve(SiteWriter.MARKER), new byte[0]);
    }

    Path root() {
        return root;
    }

    /** Stops every rebuild at its next file: the folder may be deleted next. */
    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Starts a rebuild: hand it every file of the new site, then {@link Pass#finish()}. */
    Pass pass() {
        return new Pass();
    }

    /** One rebuild's files, compared one by one with what the folder holds. */
    final class Pass {
        private final Set<String> seen = new HashSet<>();
        private int written;
        private int removed;

        /** Writes the file only if its bytes differ from the file on disk. */
        void write(OutputFile file) throws IOException {
            if (closed) {
                throw new IOException("the preview stopped");
            }
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException(
                        "refusing to write outside the output folder: " + file.path());
            }
            String path = relative(target);
            if (!seen.add(path)) {
                throw new IOException("two pages want the same output path: " + file.path());
            }
            byte[] digest = digest(file.bytes());
            if (Arrays.equals(digest, digests.get(path))) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".keizu-", ".tmp");
            try {
                Files.write(temporary, file.bytes());
                Files.move(
                        temporary,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            digests.put(path, digest);
            written++;
        }

        /**
         * Removes the files this rebuild did not produce (a renamed record's old page), and the
         * folders that leaves empty. Not called when a rebuild fails half-way, so a failed build
         * removes nothing.
         */
        void finish() throws IOException {
            for (String path : List.copyOf(digests.keySet())) {
                if (!seen.contains(path)) {
                    Path file = root.resolve(path);
                    Files.deleteIfExists(file);
                    digests.remove(path);
                    removed++;
                    removeEmptyFolders(file.getParent());
                }
            }
        }

        /** Every file of the new site. */
        int files() {
            return seen.size();
        }

        /** Files whose bytes changed, or that are new. */
        int written() {
            return written;
        }

        int removed() {
            return removed;
        }
    }

    private void removeEmptyFolders(Path folder) throws IOException {
        for (Path f = folder;
                f != null && f.startsWith(root) && !f.equals(root);
                f = f.getParent()) {
            try (Stream<Path> entries = Files.list(f)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(f);
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
