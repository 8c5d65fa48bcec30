package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * The published site's folders take the mode the umask gives any new folder, not the owner-only
 * mode of a temporary folder: a web server running as another user must be able to read them.
 * Compared with a folder made beside it the ordinary way, so the test holds under any umask, and
 * under the usual 022 it checks that others may read and enter every folder.
 */
class OutputModeTest {
    @TempDir Path root;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "folder modes are POSIX");
    }

    @Test
    void thePublishedFoldersFollowTheUmask() throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        RegistryBuild.Result result =
                new RegistryBuild(TestRegistries.options(root)).build(out, "/");
        assertFalse(result.findings().hasErrors(), result.findings().sorted().toString());
        assertFoldersFollowTheUmask(out);
    }

    @Test
    void aSecondBuildSwappedInFollowsItToo() throws IOException {
        Path out = root.resolve("out");
        new SiteWriter(out).write(List.of(OutputFile.text("a/index.html", "one")));
        new SiteWriter(out).write(List.of(OutputFile.text("b/c/index.html", "two")));
        assertFoldersFollowTheUmask(out);
        assertTrue(Files.isRegularFile(out.resolve("b/c/index.html")));
    }

    private void assertFoldersFollowTheUmask(Path out) throws IOException {
        Set<PosixFilePermission> usual =
                Files.getPosixFilePermissions(Files.createDirectory(root.resolve("usual")));
        Files.delete(root.resolve("usual"));
        List<Path> folders;
        try (Stream<Path> all = Files.walk(out)) {
            folders = all.filter(Files::isDirectory).toList();
        }
        assertTrue(folders.size() > 1, "the root and its subfolders: " + folders);
        for (Path folder : folders) {
            assertEquals(usual, Files.getPosixFilePermissions(folder), folder.toString());
            if (usual.contains(PosixFilePermission.OTHERS_READ)) {
                // umask 022, the common case: a server running as another user can list and read.
                assertTrue(
                        Files.getPosixFilePermissions(folder)
                                .containsAll(
                                        Set.of(
                                                PosixFilePermission.OTHERS_READ,
                                                PosixFilePermission.OTHERS_EXECUTE)),
                        folder.toString());
            }
        }
    }
}
