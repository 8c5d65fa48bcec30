package org.keizu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.keizu.diagnostic.Findings;

/**
 * Builds registries for tests in temporary folders: the real schemas and vocabularies (so tests
 * check the files contributors use), plus fixture records or a copy of the real data.
 */
public final class TestRegistries {
    /** Maven runs tests from the repository root (surefire workingDirectory). */
    public static final Path REPO = Path.of("").toAbsolutePath();

    public static final Path REAL_DATA = REPO.resolve("data");
    public static final Path TEMPLATES = REPO.resolve("templates");
    public static final Path FIXTURES = REPO.resolve("generator/src/test/resources/fixtures");

    private TestRegistries() {}

    /**
     * {@code root/data} holding the valid fixture registry with the real schema and vocabularies.
     */
    public static Path validFixture(Path root) {
        Path data = root.resolve("data");
        copyTree(REAL_DATA.resolve("schema"), data.resolve("schema"));
        copyTree(REAL_DATA.resolve("vocab"), data.resolve("vocab"));
        copyTree(FIXTURES.resolve("valid"), data);
        return data;
    }

    /** {@code root/data} holding a full copy of the real registry, to break on purpose. */
    public static Path realCopy(Path root) {
        Path data = root.resolve("data");
        copyTree(REAL_DATA, data);
        return data;
    }

    public static RegistryBuild.Options options(Path root) {
        return new RegistryBuild.Options(root.resolve("data"), TEMPLATES, root, Optional.empty());
    }

    /**
     * Builds the real registry into {@code out}, as the CLI would; fails the test on any finding.
     */
    public static void buildReal(Path out, String baseUrl, String origin, boolean searchIndex)
            throws IOException {
        RegistryBuild.Result result =
                new RegistryBuild(
                                new RegistryBuild.Options(
                                        REAL_DATA, TEMPLATES, REPO, Optional.empty()))
                        .build(new RegistryBuild.Output(out, baseUrl, origin, searchIndex));
        if (result.findings().hasErrors()) {
            throw new AssertionError("the real registry has errors: " + result.findings().sorted());
        }
    }

    /** The real registry through the first three phases: load, validate, analyse. */
    public static RegistryBuild.Checked checkReal() {
        return realBuild().check();
    }

    /** A build of the real registry, as the CLI would run it from the repository. */
    public static RegistryBuild realBuild() {
        return new RegistryBuild(
                new RegistryBuild.Options(REAL_DATA, TEMPLATES, REPO, Optional.empty()));
    }

    /**
     * Stages everything in the work tree and commits it at {@code when} (an ISO instant), as a
     * fixed author: a repository made for a test, with dates the test chooses.
     */
    public static org.eclipse.jgit.revwalk.RevCommit commit(
            org.eclipse.jgit.api.Git git, String message, String when) throws Exception {
        org.eclipse.jgit.lib.PersonIdent who =
                new org.eclipse.jgit.lib.PersonIdent(
                        "Keizu test",
                        "test@example.org",
                        java.time.Instant.parse(when),
                        java.time.ZoneOffset.UTC);
        git.add().addFilepattern(".").call();
        return git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    public static Findings validate(Path root) {
        return new RegistryBuild(options(root)).validate();
    }

    /** Every file under {@code dir} with its bytes, by relative path: to compare two builds. */
    public static java.util.Map<String, byte[]> snapshot(Path dir) throws IOException {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
