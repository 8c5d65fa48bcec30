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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.keizu.io.DaemonThreads;
import org.keizu.io.Folders;

/**
 * Puts a rendered site on disk so that readers never see half of one: each file goes, as soon as it
 * is rendered, to a fresh folder beside the output folder, which replaces the old one only when the
 * whole site is there. If anything fails, the old site stays as it was. Every path is checked to
 * stay inside the new folder. Pages stream through, so no build holds the whole site in memory.
 *
 * <pre>
 *   try (SiteWriter.Staging staging = new SiteWriter(Path.of("site")).open()) {
 *       plan.render(editions, staging::write);
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
     *
     * <p>Files are written by a few threads while the caller renders the next ones: on the disks
     * the site is built on, creating a file costs about as much as rendering a small page, and
     * waiting for each in turn made that cost the build's. Each folder's files are written by one
     * thread, always the same: the file system locks a folder while a file is created in it, and
     * writers sharing folders spent their time (and a core) waiting on each other's locks, more
     * than one writer alone would. Paths are checked, and duplicates refused, at once in the
     * caller's thread; a write that fails is reported by the next call, by {@link #commit} at the
     * latest, so a site with a missing file is never swapped in. The bytes of each file do not
     * depend on the order of the writes.
     */
    public final class Staging implements AutoCloseable {
        /** Writes in flight at most: the files waiting are held in memory until written. */
        private static final int MAX_PENDING = 256;

        private final Path folder;
        private final Path root;
        private final Set<String> written = new HashSet<>();
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();
        private final ExecutorService[] writers;
        private final Semaphore pending = new Semaphore(MAX_PENDING);
        private final AtomicReference<IOException> failure = new AtomicReference<>();
        private boolean committed;

        private Staging(Path folder) throws IOException {
            this.folder = folder;
            this.root = folder.toRealPath();
            this.folders.add(root);
            this.writers = new ExecutorService[WRITER_THREADS];
            for (int i = 0; i < writers.length; i++) {
                writers[i] =
                        Executors.newSingleThreadExecutor(DaemonThreads.named("keizu-site-writer"));
            }
        }

        /**
         * Hands one file to the writers now; refuses a path outside the site or one already
         * written, and reports a write that failed before.
         */
        public void write(OutputFile file) throws IOException {
            rethrowFailure();
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException(
                        "refusing to write outside the output folder: " + file.path());
            }
            if (!written.add(root.relativize(target).toString())) {
                throw new IOException("two pages want the same output path: " + file.path());
            }
            try {
                pending.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing " + file.path(), e);
            }
            Path parent = target.getParent();
            writers[Math.floorMod(parent.hashCode(), writers.length)].execute(
                    () -> {
                        try {
                            if (!folders.contains(parent)) {
                                Files.createDirectories(parent);
                                folders.add(parent);
                            }
                            Files.write(
                                    target,
                                    file.bytes(),
                                    StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE);
                        } catch (IOException | RuntimeException e) {
                            failure.compareAndSet(
                                    null,
                                    e instanceof IOException io
                                            ? io
                                            : new IOException(
                                                    "cannot write " + file.path() + ": " + e, e));
                        } finally {
                            pending.release();
                        }
                    });
        }

        /** The paths written so far, relative to the site, in no particular order. */
        public Set<String> paths() {
            return Set.copyOf(written);
        }

        /**
         * Waits for every write, marks the site as Keizu's, runs {@code finisher} over it, and
         * swaps it in for the old one.
         */
        public void commit(Finisher finisher) throws IOException {
            finishWrites();
            rethrowFailure();
            Files.write(root.resolve(MARKER), new byte[0], StandardOpenOption.CREATE_NEW);
            finisher.finish(root);
            swapIn(folder);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            finishWrites();
            if (!committed && Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Folders.deleteTree(folder);
            }
        }

        private void finishWrites() throws IOException {
            for (ExecutorService writer : writers) {
                writer.shutdown();
            }
            try {
                for (ExecutorService writer : writers) {
                    while (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                        // A slow disk: keep waiting, the files are still being written.
                    }
                }
            } catch (InterruptedException e) {
                for (ExecutorService writer : writers) {
                    writer.shutdownNow();
                }
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the site was written", e);
            }
        }

        private void rethrowFailure() throws IOException {
            IOException e = failure.get();
            if (e != null) {
                throw new IOException(
                        "a file of the site could not be written: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Threads that write the staged files, each for its own share of the folders (daemons, so a
     * failed build never hangs the JVM).
     */
    private static final int WRITER_THREADS = 2;

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
