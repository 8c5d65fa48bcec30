package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.diagnostic.Findings;
import org.keizu.lineage.DetectionIndex;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/**
 * {@code keizu detect} loads only the records that can hold a snapshot, and ranks exactly as a full
 * load would.
 */
class RegistryLoadSelectionTest {
    private static final Path CONFIG =
            TestRegistries.REAL_DATA.resolve(
                    "snapshots/deepseek-ai/DeepSeek-R1/unpinned-79ddea672a62/config.json");

    private static List<String> ranking(DetectionIndex index) throws Exception {
        var outsider =
                index.outsider(
                        "outsider",
                        org.keizu.load.RecordMapper.plainJson()
                                .readTree(Files.readAllBytes(CONFIG)));
        return index.candidates(outsider).stream()
                .map(c -> c.base() + " " + c.grade() + " " + c.finding())
                .toList();
    }

    @Test
    void ranksTheRealRegistryExactlyAsAFullLoadDoes() throws Exception {
        Registry full =
                new RegistryLoad(TestRegistries.REAL_DATA, TestRegistries.REPO).run(new Findings());
        Registry holders =
                new RegistryLoad(TestRegistries.REAL_DATA, TestRegistries.REPO)
                        .snapshotHolders()
                        .run(new Findings());

        List<String> held = holders.models().stream().map(Loaded::record).map(Model::id).toList();
        // Every record that holds a snapshot; a few more whose text uses the word.
        assertTrue(
                held.containsAll(
                        full.models().stream()
                                .map(Loaded::record)
                                .filter(m -> m.snapshot() != null)
                                .map(Model::id)
                                .toList()),
                held.toString());
        assertTrue(held.size() < full.models().size() / 2, held.toString());
        assertTrue(holders.organisations().isEmpty());
        assertEquals(full.snapshots().size(), holders.snapshots().size());
        List<String> expected = ranking(DetectionIndex.of(full));
        assertFalse(expected.isEmpty());
        assertEquals(expected, ranking(DetectionIndex.of(holders)));
    }

    @Test
    void aBrokenRecordThatNamesASnapshotIsStillReported(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(data.resolve("models/broken.yaml"), "id: broken\nsnapshot: [unclosed\n");
        Files.writeString(
                data.resolve("models/broken-too.yaml"), "id: broken-too\nname: [unclosed\n");
        Findings findings = new Findings();

        new RegistryLoad(data, root).snapshotHolders().run(findings);

        List<String> files = findings.sorted().stream().map(f -> f.file()).distinct().toList();
        assertEquals(List.of("data/models/broken.yaml"), files, findings.sorted().toString());
    }
}
