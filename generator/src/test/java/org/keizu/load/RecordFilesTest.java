package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/** A record folder's stray files are reported, never skipped in silence. */
class RecordFilesTest {
    @Test
    void reportsMisnamedFilesAndLinksButListsRecords(@TempDir Path root) throws Exception {
        Path models = Files.createDirectories(root.resolve("data/models"));
        Files.writeString(models.resolve("a.yaml"), "id: a\n");
        Files.writeString(models.resolve("b.json"), "{}");
        Files.writeString(models.resolve("c.yaml.bak"), "id: c\n");
        Files.writeString(models.resolve(".DS_Store"), "");
        Files.createSymbolicLink(models.resolve("d.yaml"), models.resolve("a.yaml"));
        List<Finding> findings = new ArrayList<>();

        List<Path> listed =
                RecordFiles.list(root.resolve("data"), RecordKind.MODEL, root, findings::add);

        assertEquals(List.of(models.resolve("a.yaml"), models.resolve("b.json")), listed);
        assertEquals(
                List.of(Check.LOAD_011, Check.LOAD_011, Check.LOAD_012),
                findings.stream().map(Finding::check).sorted().toList());
        assertEquals(
                "data/models/c.yaml.bak",
                findings.stream()
                        .filter(f -> f.check() == Check.LOAD_011 && f.isError())
                        .findFirst()
                        .orElseThrow()
                        .file());
        Finding hidden =
                findings.stream()
                        .filter(f -> f.file().endsWith(".DS_Store"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                org.keizu.diagnostic.Severity.WARNING,
                hidden.severity(),
                "a hidden file is said, as a warning");
    }
}
