package org.keizu.site;

import java.io.IOException;
import org.keizu.io.Folders;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts a rendered site on disk so that readers never see half of one: the files go to a fresh
 * folder beside the output folder, which then replaces the old one. If anything fails, the old
 * site stays as it was. Every path is checked to stay inside the new folder.
 * <pre>
 *   new SiteWriter(Path.of("site")).write(files);
 * </pre>
 */
public final class SiteWriter {
    /** Written into every site; a folder without it is never replaced, so a mistyped --out cannot wipe a project. */
    public static final String MARKER = ".keizu-site";

    private final Path outDir;

    public SiteWriter(Path outDir) {
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /** Runs over the complete new site before it is swapped in (the search indexer); may fail the build. */
    public interface Finisher {
        void finish(Path site) throws IOException;
    }

    public void write(List<OutputFile> files) throws IOException {
        write(files, site -> { });
    }

    public void write(List<OutputFile> files, Finisher finisher) throws IOException {
        refuseForeignFolder();
        Path parent = outDir.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + outDir.getFileName() + ".new-");
        try {
            Path root = staging.toRealPath();
            Set<Path> written = new HashSet<>();
            for (OutputFile file : files) {
                Path target = root.resolve(file.path()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("refusing to write outside the output folder: " + file.path());
                }
                if (!written.add(target)) {
                    throw new IOException("two pages want the same output path: " + file.path());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            Files.write(root.resolve(MARKER), new byte[0], StandardOpenOption.CREATE_NEW);
            finisher.finish(root);
            swapIn(staging);
        } finally {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                Folders.deleteTree(staging);
            }
        }
    }

    private void refuseForeignFolder() throws IOException {
        if (Files.isSymbolicLink(outDir)) {
            throw new IOException("the output folder " + outDir + " is a symbolic link; refusing to replace it");
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
            throw new IOException("the output folder " + outDir + " holds files Keizu did not write (no "
                    + MARKER + "); refusing to replace it. Choose an empty or new folder with --out.");
        }
    }

    /** Renames the old site aside, the new one in, then deletes the old; on failure puts the old back. */
    private void swapIn(Path staging) throws IOException {
        Path old = null;
        if (Files.exists(outDir)) {
            old = Files.createTempDirectory(outDir.getParent(), "." + outDir.getFileName() + ".old-");
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
