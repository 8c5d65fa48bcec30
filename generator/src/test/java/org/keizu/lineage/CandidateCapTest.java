package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.bench.SyntheticSites;
import org.keizu.model.Grade;

/**
 * A registry holding many configs of one shape: each model keeps its ten best undeclared
 * candidates, the same ten the detector ranks first, rather than every other config.
 */
class CandidateCapTest {
    @Test
    void aModelWithManySameShapePeersKeepsTheTenTheDetectorRanksFirst(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.realCopy(root);
        // Every twentieth synthetic model holds a config of Qwen2.5-7B's shape: 15 of 300.
        List<String> ids = SyntheticSites.addModels(data, 300);
        RegistryBuild.Checked checked = new RegistryBuild(TestRegistries.options(root)).check();
        assertFalse(checked.findings().hasErrors(), () -> checked.findings().sorted().toString());
        String id = ids.get(19); // number 20, the first with a snapshot, declared on qwen2.5-7b
        List<String> ranked =
                checked.analysis().detection().candidates(id).stream()
                        .filter(c -> !c.base().equals("qwen2.5-7b") && c.grade().atLeast(Grade.E1))
                        .map(Comparison::base)
                        .toList();
        assertTrue(ranked.size() > Analysis.MAX_CANDIDATES, ranked.size() + " candidates");
        assertEquals(
                ranked.subList(0, Analysis.MAX_CANDIDATES),
                checked.analysis().of(id).candidates().stream().map(Comparison::base).toList());
    }
}
