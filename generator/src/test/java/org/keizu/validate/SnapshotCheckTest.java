package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/** Snapshots are machine-written: any change by hand to their bytes or layout is caught. */
class SnapshotCheckTest {
    private static final String BASE = "data/snapshots/base-lab/Base-Model/unpinned-f7a3fc9dad94";

    @Test
    void reportsAConfigEditedByHand(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Path config = root.resolve(BASE).resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("1024", "1025"));
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(
                List.of(Check.SNAP_001),
                findings.stream().map(Finding::check).toList(),
                findings::toString);
        assertEquals(BASE + "/snapshot.json", findings.get(0).file());
        assertTrue(findings.get(0).line() > 1, "points at the sha256 line");
    }

    @Test
    void reportsAFileTheSnapshotDoesNotList(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Files.writeString(root.resolve(BASE).resolve("tokenizer.json"), "{}");
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(
                List.of(Check.SNAP_002),
                findings.stream().map(Finding::check).toList(),
                findings::toString);
        assertEquals(BASE + "/tokenizer.json", findings.get(0).file());
    }

    @Test
    void reportsAMissingListedFile(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Files.delete(root.resolve(BASE).resolve("config.json"));
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertTrue(
                findings.stream().anyMatch(f -> f.check() == Check.SNAP_002), findings::toString);
    }

    @Test
    void reportsASnapshotInTheWrongFolder(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Path moved = root.resolve("data/snapshots/base-lab/Base-Model/unpinned-aaaaaaaaaaaa");
        Files.move(root.resolve(BASE), moved);
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(
                List.of(Check.SNAP_003),
                findings.stream().map(Finding::check).toList(),
                findings::toString);
    }

    @Test
    void theRealSnapshotsMatchTheirBytes() {
        List<Finding> findings = TestRegistries.validate(TestRegistries.REPO).sorted();
        assertTrue(
                findings.stream().noneMatch(f -> f.check().code().startsWith("SNAP")),
                findings::toString);
    }
}
