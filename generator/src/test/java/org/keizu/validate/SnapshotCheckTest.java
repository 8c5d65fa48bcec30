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

    private static final String WEIGHTS =
            "{\"repo\":\"base-lab/Base-Model\",\"revision\":\"%s\",\"retrieved\":\"2026-12-01\","
                    + "\"method\":\"keizu-weights-1\",\"downloaded\":100,\"shards\":[{\"file\":"
                    + "\"model.safetensors\",\"size\":1000,\"header_size\":50,\"header_sha256\":\"%s\","
                    + "\"tensors\":1}],\"tensors\":[]}\n";

    @Test
    void reportsAWeightsFingerprintOfAnotherCommit(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Files.writeString(
                root.resolve(BASE).resolve("weights.json"),
                WEIGHTS.formatted("a".repeat(40), "b".repeat(64)));
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(
                List.of(Check.SNAP_006),
                findings.stream().map(Finding::check).toList(),
                findings::toString);
        assertEquals(BASE + "/weights.json", findings.get(0).file());
        assertEquals(1, findings.get(0).line(), "the fingerprint is one line of JSON");
    }

    @Test
    void readsAFingerprintLargerThanARecordMayBe(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        StringBuilder tensors = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            tensors.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"model.layers.")
                    .append(i)
                    .append(".input_layernorm.weight\",\"role\":\"norm\",\"layer\":")
                    .append(i)
                    .append(",\"dtype\":\"BF16\",\"shape\":[128],\"file\":\"model.safetensors\",")
                    .append("\"offset\":8,\"length\":256,\"whole\":true,\"sha256\":\"")
                    .append("c".repeat(64))
                    .append("\",\"values\":\"")
                    .append("A".repeat(344))
                    .append("\"}");
        }
        String json =
                WEIGHTS.formatted("a".repeat(40), "b".repeat(64))
                        .replace("\"tensors\":[]", "\"tensors\":[" + tensors + "]");
        assertTrue(json.length() > 256 * 1024, "larger than a record may be: " + json.length());
        Files.writeString(root.resolve(BASE).resolve("weights.json"), json);
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(
                List.of(Check.SNAP_006),
                findings.stream().map(Finding::check).toList(),
                "read whole, and only its commit is wrong: " + findings);
    }

    @Test
    void reportsAWeightsFingerprintThatBreaksItsSchema(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        Files.writeString(
                root.resolve(BASE).resolve("weights.json"),
                WEIGHTS.formatted("a".repeat(40), "not a hash"));
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).check().code().startsWith("SCHEMA"), findings::toString);
        assertEquals(BASE + "/weights.json", findings.get(0).file());
    }

    @Test
    void theRealSnapshotsMatchTheirBytes() {
        List<Finding> findings = TestRegistries.validate(TestRegistries.REPO).sorted();
        assertTrue(
                findings.stream().noneMatch(f -> f.check().code().startsWith("SNAP")),
                findings::toString);
    }
}
