package org.keizu.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;

/**
 * Lists the record files of one kind under the data folder, in name order. Anything else in the
 * folder is reported, never skipped quietly: a misnamed record must not vanish from the site.
 */
public final class RecordFiles {
    private RecordFiles() {}

    public static List<Path> list(
            Path dataDir, RecordKind kind, Path workingDir, Consumer<Finding> out) {
        Path folder = dataDir.resolve(kind.folder());
        List<Path> records = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(folder)) {
                out.accept(
                        Finding.error(
                                display(folder, workingDir),
                                Position.WHOLE_FILE,
                                Check.LOAD_012,
                                "the record folder is a symbolic link"));
            }
            return records;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.sorted().toList()) {
                String name = path.getFileName().toString();
                // One lstat per entry tells both whether it is a link and a regular file: a
                // registry of 10,000 records is listed on every detect.
                BasicFileAttributes attributes = attributesOf(path);
                if (attributes != null && attributes.isSymbolicLink()) {
                    out.accept(
                            Finding.error(
                                    display(path, workingDir),
                                    Position.WHOLE_FILE,
                                    Check.LOAD_012,
                                    "symbolic links are not read; put the record itself here"));
                } else if (name.startsWith(".")) {
                    // Editor and OS droppings (.DS_Store, .swp) are not records, but a hidden
                    // .yaml could be a record someone expects to see published: say so.
                    out.accept(
                            Finding.warning(
                                    display(path, workingDir),
                                    Position.WHOLE_FILE,
                                    Check.LOAD_011,
                                    "hidden files are not read; rename it if it is a record, or delete it"));
                } else if (attributes == null
                        || !attributes.isRegularFile()
                        || !(name.endsWith(".yaml")
                                || name.endsWith(".yml")
                                || name.endsWith(".json"))) {
                    out.accept(
                            Finding.error(
                                    display(path, workingDir),
                                    Position.WHOLE_FILE,
                                    Check.LOAD_011,
                                    "not a record: "
                                            + kind.folder()
                                            + "/ holds only <id>.yaml, <id>.yml or <id>.json files"));
                } else {
                    records.add(path);
                }
            }
        } catch (IOException e) {
            out.accept(
                    Finding.error(
                            display(folder, workingDir),
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            "cannot list the folder: " + e.getMessage()));
        }
        return records;
    }

    /** The entry's own attributes (a link's, not its target's); null if it cannot be read. */
    private static BasicFileAttributes attributesOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // gone since it was listed, or unreadable: not a record it can read
        }
    }

    /**
     * The path as findings print it: relative to the working folder where possible, with '/'
     * separators.
     */
    public static String display(Path path, Path workingDir) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = workingDir.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /**
     * A file's bytes, but never more than {@code cap + 1} of them: a file over its cap is reported
     * from its first bytes without being read whole, whatever its size (the one size rule for every
     * file Keizu reads). Through a plain file stream, which opens a small file in about half the
     * time a channel's stream does: every record is read on every run.
     */
    public static byte[] readCapped(Path file, long cap) throws java.io.IOException {
        try (java.io.InputStream in = new java.io.FileInputStream(file.toFile())) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        }
    }
}
