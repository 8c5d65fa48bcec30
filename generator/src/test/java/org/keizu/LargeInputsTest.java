package org.keizu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/**
 * Inputs far larger than the heap (this class runs under -Xmx512m in its own Surefire execution):
 * each is a finding at its file, read no further than its cap; nothing ends in an Error.
 */
class LargeInputsTest {
    private static final long HUGE = 600L << 20;

    /** A file of {@code size} bytes that costs no disk: sparse, all zeros after its first line. */
    private static void huge(Path file, String start, long size) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(start.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            raf.setLength(size);
        }
    }

    private static boolean reported(List<Finding> findings, Check check, String fileEnd) {
        return findings.stream().anyMatch(f -> f.check() == check && f.file().endsWith(fileEnd));
    }

    @Test
    void aRecordOf600MegabytesIsAFindingNotAnOutOfMemoryError(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        huge(data.resolve("models/huge.yaml"), "id: huge\nname: ", HUGE);
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertTrue(reported(findings, Check.LOAD_007, "models/huge.yaml"), findings.toString());
    }

    @Test
    void aSnapshotConfigOf600MegabytesIsAFinding(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        huge(
                data.resolve("snapshots/fixture-org/Same-Shape/unpinned-583f7531e2a0/config.json"),
                "{\"a\": \"",
                HUGE);
        List<Finding> findings = TestRegistries.validate(root).sorted();
        assertTrue(
                reported(findings, Check.LOAD_007, "unpinned-583f7531e2a0/config.json"),
                findings.toString());
        assertTrue(
                reported(findings, Check.SNAP_001, "snapshot.json"),
                "its hash no longer matches: " + findings);
    }

    @Test
    void aProsePageOf50MegabytesIsAFindingAndTheOldSiteStays(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        assertFalse(
                new RegistryBuild(TestRegistries.options(root))
                        .build(out, "/")
                        .findings()
                        .hasErrors());
        huge(data.resolve("pages/about.md"), "# About\n\n", 50L << 20);

        List<Finding> findings =
                new RegistryBuild(TestRegistries.options(root)).build(out, "/").findings().sorted();

        assertTrue(reported(findings, Check.LOAD_007, "pages/about.md"), findings.toString());
        assertTrue(Files.exists(out.resolve("index.html")), "the previous site is untouched");
    }

    @Test
    void twentyThousandRecordsBuildUnderA512MegabyteHeap(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        String[] relations = {"continued-pretraining", "fine-tune", "architecture-only"};
        for (int i = 1; i <= 20_000; i++) {
            String relation = relations[i % 3];
            Files.writeString(
                    data.resolve(String.format("models/synthetic-%05d.yaml", i)),
                    String.format(
                            """
                    id: synthetic-%05d
                    name: Synthetic %d
                    organisation: national-co
                    country: JP
                    reviewed: 2026-11-29
                    claims:
                      - {kind: vague, quote: "Model number %d, built with care", language: en, source: card}
                    lineage:
                      - base: base-model
                        relation: %s
                        grade: %s
                        evidence:
                          - kind: report
                            summary: Synthetic evidence for record %d.
                            passage: {text: "Record %d was built on Base Model."}
                            source: card
                    sources:
                      - {id: card, title: "[Card %d]", url: "https://example.org/synthetic/%d", language: en}
                    """,
                            i,
                            i,
                            i,
                            relation,
                            relation.equals("architecture-only") ? "E1" : "E4",
                            i,
                            i,
                            i,
                            i));
        }
        Path out = root.resolve("site");

        RegistryBuild.Result result =
                new RegistryBuild(TestRegistries.options(root)).build(out, "/");

        assertFalse(
                result.findings().hasErrors(),
                () -> result.findings().sorted().subList(0, 3).toString());
        assertTrue(Files.exists(out.resolve("models/synthetic-20000/index.html")));
        assertTrue(result.files().size() > 40_000, result.files().size() + " files");
    }
}
