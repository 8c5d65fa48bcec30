package org.keizu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run from which {@code mvn package} makes the jar's class-data archive ({@code
 * generator/target/keizu.jsa}, with {@code -XX:ArchiveClassesAtExit}): it runs {@code validate} and
 * {@code detect} over the registry in the working directory, with their output discarded, so that
 * the classes those commands load are in the archive. {@code scripts/keizu} starts the JVM with the
 * archive, and a contributor's {@code validate} then starts without reading and verifying those
 * classes again from the jar (on the real registry 0.7 s instead of 1.5 s, with the launcher's
 * other settings).
 *
 * <p>Writes nothing: both commands only read. A registry with findings trains the archive as well
 * as a clean one, so their exit codes are ignored.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {}

    public static void main(String[] args) throws IOException {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(new String[] {"validate"}, discard, discard);
        Optional<Path> config = anySnapshotConfig(Path.of("data", "snapshots"));
        if (config.isPresent()) {
            Main.run(new String[] {"detect", config.get().toString()}, discard, discard);
        }
    }

    /** The first config.json under {@code snapshots} in path order, if any. */
    private static Optional<Path> anySnapshotConfig(Path snapshots) throws IOException {
        if (!Files.isDirectory(snapshots)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(snapshots)) {
            return files.filter(p -> p.getFileName().toString().equals("config.json"))
                    .sorted()
                    .findFirst();
        }
    }
}
