package org.keizu.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @Test
    void deletesATreeOfManyFoldersAndNothingBeside(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site");
        for (int i = 0; i < 40; i++) {
            Path model = Files.createDirectories(site.resolve("models/m" + i + "/deeper/still"));
            Files.writeString(model.resolve("index.html"), "page " + i);
            Files.writeString(model.getParent().resolve("cite.bib"), "@misc{" + i + "}");
        }
        Files.writeString(site.resolve("index.html"), "home");
        Files.createDirectories(site.resolve("empty/too"));
        Path beside = Files.writeString(dir.resolve("beside.txt"), "stays");

        Folders.deleteTree(site);

        assertFalse(Files.exists(site, LinkOption.NOFOLLOW_LINKS));
        assertEquals("stays", Files.readString(beside));
    }

    @Test
    void deletesSymbolicLinksWithoutFollowingThem(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "not the site's");
        Path site = Files.createDirectories(dir.resolve("site/inner"));
        Files.createSymbolicLink(site.resolve("to-folder"), outside);
        Files.createSymbolicLink(site.resolve("to-file"), kept);

        Folders.deleteTree(dir.resolve("site"));

        assertFalse(Files.exists(dir.resolve("site"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("not the site's", Files.readString(kept));
        try (Stream<Path> left = Files.list(outside)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void aLinkOrAFileGivenAsTheRootIsDeletedItselfAndAMissingOneIsNothing(@TempDir Path dir)
            throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("file"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        Folders.deleteTree(link);
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(target.resolve("file")));

        Path file = Files.writeString(dir.resolve("plain"), "y");
        Folders.deleteTree(file);
        assertFalse(Files.exists(file));

        Folders.deleteTree(dir.resolve("never-there"));
    }
}
