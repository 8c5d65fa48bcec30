package org.keizu.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.keizu.io.Folders;

/**
 * Puts a rendered site on disk so that readers never see half of one: each file goes, as soon as it
 * is rendered, to a fresh folder beside the output folder, which replaces the old one only when the
 * whole site is there. If anything fails, the old site stays as it was. Every path is checked to
 * stay inside the new folder. Pages stream through, so no build holds the whole site in memory.
 *
 * <pre>
 *   try (SiteWriter.Staging staging = new SiteWriter(Path.of("site")).open()) {
 *       plan.render(views, pages, staging::write);
 *       staging.commit(site -&gt; { });
 *   }
 * </pre>
 */
public final class SiteWriter {
    /**
     * Written into every site; a folder without it is never replaced, so a mistyped --out cannot
     * wipe a project.
     */
    public static final String MARKER = ".keizu-site";

    private final Path outDir;

    public SiteWriter(Path outDir) {
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /**
     * Runs over the complete new site before it is swapped in (the search indexer); may fail the
     * build.
     */
    public interface Finisher {
        void finish(Path site) throws IOException;
    }

    public void write(List<OutputFile> files) throws IOException {
        try (Staging staging = open()) {
            for (OutputFile file : files) {
                staging.write(file);
            }
            staging.commit(site -> {});
        }
    }

    /**
     * Starts a new site beside the output folder; nothing replaces the old one until {@link
     * Staging#commit}.
     */
    public Staging open() throws IOException {
        refuseForeignFolder();
        Path parent = outDir.getParent();
        Files.createDirectories(parent);
        return new Staging(Folders.createBeside(outDir, ".new-"));
    }

    /**
     * A site being written. Closing it without {@link #commit} deletes it and leaves the old site
     * as it was.
     */
    public final class Staging implements AutoCloseable {
        private final Path folder;
        private final Path root;
        private final Set<String> written = new HashSet<>();
        private boolean committed;

        private Staging(Path folder) throws IOException {
            this.folder = folder;
            this.root = folder.toRealPath();
        }

        /** Writes one file now; refuses a path outside the site or one already written. */
        public void write(OutputFile file) throws IOException {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException(
                        "refusing to write outside the output folder: " + file.path());
            }
            if (!written.add(root.relativize(target).toString())) {
                throw new IOException("two pages want the same output path: " + file.path());
            }
            Files.createDirectories(target.getParent());
            Files.write(
                    target, file.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        /** The paths written so far, relative to the site, in no particular order. */
        public Set<String> paths() {
            return Set.copyOf(written);
        }

        /**
         * Marks the site as Keizu's, runs {@code finisher} over it, and swaps it in for the old
         * one.
         */
        public void commit(Finisher finisher) throws IOException {
            Files.write(root.resolve(MARKER), new byte[0], StandardOpenOption.CREATE_NEW);
            finisher.finish(root);
            swapIn(folder);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed && Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Folders.deleteTree(folder);
            }
        }
    }

    private void refuseForeignFolder() throws IOException {
        if (Files.isSymbolicLink(outDir)) {
            throw new IOException(
                    "the output folder " + outDir + " is a symbolic link; refusing to replace it");
        }
        if (!Files.exists(outDir)) {
            return;
        }
        if (!Files.isDirectory(outDir)) {
            throw new IOException("the output path " + outDir + " is a file, not a folder");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(outDir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(outDir.resolve(MARKER))) {
            throw new IOException(
                    "the output folder "
                            + outDir
                            + " holds files Keizu did not write (no "
                            + MARKER
                            + "); refusing to replace it. Choose an empty or new folder with --out.");
        }
    }

    /**
     * Renames the old site aside, the new one in, then deletes the old; on failure puts the old
     * back.
     */
    private void swapIn(Path staging) throws IOException {
        Path old = null;
        if (Files.exists(outDir)) {
            old =
                    Files.createTempDirectory(
                            outDir.getParent(), "." + outDir.getFileName() + ".old-");
            Files.delete(old);
            Files.move(outDir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, outDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, outDir, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            Folders.deleteTree(old);
        }
    }
}
