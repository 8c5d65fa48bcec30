package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.site.OutputFile;
import org.keizu.site.SiteWriter;

/** The preview's output folder: only changed files are written, files gone are removed. */
class OutputFolderTest {
    @TempDir Path root;

    @Test
    void writesOnlyWhatChangedAndRemovesWhatIsGone() throws IOException {
        Path dir = root.resolve("site");
        OutputFolder folder = new OutputFolder(dir);
        OutputFolder.Pass first = folder.pass();
        first.write(OutputFile.text("index.html", "home"));
        first.write(OutputFile.text("models/a/index.html", "a"));
        first.write(OutputFile.text("models/b/index.html", "b"));
        first.finish();
        assertEquals(3, first.written());
        FileTime untouched = FileTime.fromMillis(0);
        Files.setLastModifiedTime(dir.resolve("index.html"), untouched);

        OutputFolder.Pass second = folder.pass();
        second.write(OutputFile.text("index.html", "home"));
        second.write(OutputFile.text("models/a/index.html", "a, edited"));
        second.finish();
        assertEquals(1, second.written());
        assertEquals(1, second.removed());
        assertEquals(2, second.files());
        assertEquals(untouched, Files.getLastModifiedTime(dir.resolve("index.html")));
        assertEquals("a, edited", Files.readString(dir.resolve("models/a/index.html")));
        assertFalse(Files.exists(dir.resolve("models/b")), "the emptied folder is removed");
        assertTrue(Files.exists(dir.resolve(SiteWriter.MARKER)));
    }

    @Test
    void keepsTheFilesOfASiteKeizuWroteAndRefusesAnyOtherFolder() throws IOException {
        Path site = root.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve(SiteWriter.MARKER), "");
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve("old.html"), "old");
        OutputFolder.Pass pass = new OutputFolder(site).pass();
        pass.write(OutputFile.text("index.html", "home"));
        pass.finish();
        assertEquals(0, pass.written());
        assertEquals(1, pass.removed());

        Path mine = root.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertThrows(IOException.class, () -> new OutputFolder(mine));
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void refusesToWriteOutsideItself() throws IOException {
        OutputFolder.Pass pass = new OutputFolder(root.resolve("site")).pass();
        assertThrows(IOException.class, () -> pass.write(OutputFile.text("../escape.html", "x")));
        assertFalse(Files.exists(root.resolve("escape.html")));
    }
}
