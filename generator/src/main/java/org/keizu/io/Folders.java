package org.keizu.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/** Creating the staging folders of the atomic writers, and removing what they leave behind. */
public final class Folders {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Folders() {}

    /**
     * A new, empty folder beside {@code target}, named {@code .<target's name><infix><random>}.
     * Unlike {@link Files#createTempDirectory}, which makes a folder only its owner can read (mode
     * 0700 on POSIX), its mode follows the umask like any folder the user makes: the folder is
     * renamed into place as the published site, which a web server running as another user must be
     * able to read.
     */
    public static Path createBeside(Path target, String infix) throws IOException {
        Path parent = target.toAbsolutePath().normalize().getParent();
        String prefix = "." + target.getFileName() + infix;
        for (int attempt = 0; ; attempt++) {
            Path folder = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Deletes a folder and everything in it; symbolic links are deleted, never followed. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                            throws IOException {
                        if (exc != null) {
                            throw exc;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
