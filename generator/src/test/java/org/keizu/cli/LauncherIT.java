package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/**
 * {@code scripts/keizu}, run as a contributor runs it, after {@code mvn package} has made the jar
 * and its class-data archive: the archive is the one the JVM maps, and each command gets the JVM
 * settings the script promises.
 */
class LauncherIT {
    private static final Path LAUNCHER = TestRegistries.REPO.resolve("scripts/keizu");

    private record Run(int exit, String out) {}

    /**
     * Runs the launcher as a program (its executable bit and #! line included) in the repository's
     * root, with the JVM this test runs on.
     */
    private static Run launch(Path launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(TestRegistries.REPO.toFile())
                        .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("KEIZU_HEAP");
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher finished");
        return new Run(process.exitValue(), out);
    }

    @Test
    void validateRunsFromTheArchiveMadeAtPackageTime() throws Exception {
        Run run = launch(LAUNCHER, Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info"), "validate");
        assertEquals(0, run.exit(), run.out());
        assertTrue(
                run.out().contains("org.keizu.cli.ValidateCommand source: shared objects file"),
                "validate's classes come from the class-data archive, not the jar");
        assertTrue(
                run.out().contains("org.keizu.load.RecordParser source: shared objects file"),
                "and so do the classes that read records");
    }

    @Test
    void theQuickCommandsRunOnTheFirstJitTierAndTheBuildInABoundedHeapInliningLess()
            throws Exception {
        Map<String, String> flags = Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
        Run validate = launch(LAUNCHER, flags, "validate", "--list-checks");
        assertEquals(0, validate.exit(), validate.out());
        for (String flag :
                List.of(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseParallelGC",
                        "-XX:NewSize=104857600",
                        "-XX:MaxTenuringThreshold=0")) {
            assertTrue(validate.out().contains(flag), "validate runs with " + flag);
        }
        // Huge pages are asked for only where the system offers them, so the JVM never warns.
        assertFalse(validate.out().contains("VM warning"), validate.out());
        boolean offered =
                Files.isReadable(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))
                        && Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))
                                .matches("(?s).*\\[(always|madvise)\\].*");
        assertEquals(offered, validate.out().contains("-XX:+UseTransparentHugePages"));

        Run build = launch(LAUNCHER, flags, "build", "--help");
        assertEquals(0, build.exit(), build.out());
        assertTrue(build.out().contains("-XX:MaxHeapSize=671088640"), build.out());
        assertFalse(build.out().contains("TieredStopAtLevel"), build.out());
        for (String flag :
                List.of("-XX:+UseSerialGC", "-XX:FreqInlineSize=100", "-XX:MaxInlineLevel=9")) {
            assertTrue(build.out().contains(flag), "build runs with " + flag + ": " + build.out());
        }
        assertEquals(offered, build.out().contains("-XX:+UseTransparentHugePages"));
        assertFalse(build.out().contains("VM warning"), build.out());

        Run serve =
                launch(
                        LAUNCHER,
                        Map.of(
                                "JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags",
                                "KEIZU_HEAP", "2g"),
                        "serve",
                        "--help");
        assertEquals(0, serve.exit(), serve.out());
        assertTrue(serve.out().contains("-XX:MaxHeapSize=2147483648"), serve.out());

        Run unbounded = launch(LAUNCHER, flags, "serve", "--help");
        assertEquals(0, unbounded.exit(), unbounded.out());
        assertFalse(unbounded.out().contains("-XX:MaxHeapSize=671088640"), unbounded.out());
    }

    @Test
    void aBuildThatOutgrowsItsHeapSaysHowToGiveItMoreAndWritesNothing(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("site");
        Run run =
                launch(
                        LAUNCHER,
                        Map.of("KEIZU_HEAP", "24m"),
                        "build",
                        "--no-search",
                        "--out",
                        out.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(
                run.out().contains("keizu: out of memory in a heap of ")
                        && run.out().contains("KEIZU_HEAP=2g scripts/keizu"),
                run.out());
        assertFalse(run.out().contains("\tat "), "no stack trace: " + run.out());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing written beside or into the output");
        }
    }

    @Test
    void aCheckoutMovedAfterItsBuildRunsQuietlyWithoutItsArchive(@TempDir Path moved)
            throws Exception {
        // The archive names the jar's path; at another path the JVM does not use it, and says so
        // unless told not to.
        Path launcher = moved.resolve("scripts/keizu");
        Path target = moved.resolve("generator/target");
        Files.createDirectories(launcher.getParent());
        Files.createDirectories(target);
        Files.copy(LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Path built = TestRegistries.REPO.resolve("generator/target");
        for (String file : List.of("keizu.jar", "keizu.jsa")) {
            Files.copy(built.resolve(file), target.resolve(file));
        }
        Run run = launch(launcher, Map.of(), "--version");
        assertEquals(0, run.exit(), run.out());
        assertEquals("keizu 0.1.0", run.out().strip());
    }

    @Test
    void withoutTheJarTheLauncherSaysHowToBuildIt(@TempDir Path checkout) throws Exception {
        Path launcher = checkout.resolve("scripts/keizu");
        Files.createDirectories(launcher.getParent());
        Files.createDirectories(checkout.resolve("generator"));
        Files.copy(LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Run run = launch(launcher, Map.of(), "validate");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("build it with: mvn -q package -Dquick"), run.out());
    }
}
