package org.keizu.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Watches folders and everything under them, including folders made later, and reports a burst of
 * changes as one: an editor's save, a {@code git checkout} or a copied folder makes many events in
 * a few milliseconds, and the preview should rebuild once for them, after they end.
 */
final class FolderWatcher implements AutoCloseable {
    /**
     * How long the folders must stay quiet before a burst counts as over: an editor's save is done
     * in a few milliseconds, and every millisecond waited here is one more before the page shows.
     */
    static final long QUIET_MILLIS = 50;

    /** A burst that never ends (a long copy) still gets a rebuild this often. */
    private static final long LONGEST_WAIT_MILLIS = 2_000;

    private final WatchService service;

    /** Starts watching each folder that exists; a missing one is left out (the build says so). */
    FolderWatcher(List<Path> folders) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                registerTree(folder);
            }
        }
    }

    /**
     * A burst of changes: a file it touched (for the terminal), and when its first change was seen
     * ({@link System#nanoTime}), which is when the contributor saved.
     */
    record Change(Path path, long seenAt) {}

    /**
     * Waits for a change, then for the burst to end, and returns it; empty once the watcher is
     * closed.
     */
    Optional<Change> awaitChange() throws InterruptedException {
        try {
            WatchKey key = service.take();
            long seenAt = System.nanoTime();
            Path changed = drain(key);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONGEST_WAIT_MILLIS);
            while (System.nanoTime() < deadline) {
                WatchKey more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                if (more == null) {
                    break;
                }
                Path also = drain(more);
                changed = changed != null ? changed : also;
            }
            return Optional.of(new Change(changed != null ? changed : Path.of("."), seenAt));
        } catch (ClosedWatchServiceException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes a key's events, registers the folders they created (and what is already in them), and
     * returns one changed path (or null when it had no events).
     */
    private Path drain(WatchKey key) {
        Path folder = (Path) key.watchable();
        Path changed = null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || !(event.context() instanceof Path name)) {
                changed = changed != null ? changed : folder; // too many to list: the folder
                continue;
            }
            Path path = folder.resolve(name);
            changed = changed != null ? changed : path;
            if (event.kind() == ENTRY_CREATE
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    // Gone again before it could be watched: the rebuild sees what is there.
                }
            }
        }
        key.reset(); // a key that is no longer valid (its folder deleted) is simply dropped
        return changed;
    }

    /** Watches {@code root} and every folder under it; symbolic links are not followed. */
    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                            throws IOException {
                        dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
