package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.diagnostic.Findings;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/**
 * After the checks, the registry lets go of its records' parsed trees (a 30,000-record build must
 * fit in 512 MB); the open data reads each again from its file, and only while the file holds the
 * bytes that were checked.
 */
class RegistryTreeReleaseTest {
    @TempDir Path root;

    private Registry load(Path data) {
        Findings findings = new Findings();
        Registry registry = new RegistryLoad(data, root).run(findings);
        assertFalse(findings.hasErrors(), findings.sorted().toString());
        return registry;
    }

    @Test
    void aReleasedTreeIsReadAgainFromItsFileAndNotKept() {
        Registry registry = load(TestRegistries.realCopy(root));
        Map<String, JsonNode> before =
                registry.models().stream()
                        .collect(Collectors.toMap(l -> l.record().id(), l -> l.source().tree()));
        Loaded<Model> first = registry.models().get(0);
        assertSame(first.source().tree(), first.source().tree(), "held until released");

        registry.releaseTrees();

        for (Loaded<Model> loaded : registry.models()) {
            assertEquals(before.get(loaded.record().id()), loaded.source().tree());
        }
        assertNotSame(
                first.source().tree(),
                first.source().tree(),
                "made again at each use, so memory does not grow back");
    }

    @Test
    void aFileChangedAfterItsChecksIsNeverReadAsItsRecord() throws Exception {
        Path data = TestRegistries.realCopy(root);
        Registry registry = load(data);
        registry.releaseTrees();
        Loaded<Model> first = registry.models().get(0);
        Path file = first.source().file();
        Files.writeString(file, Files.readString(file).replace("name:", "name: Changed #"));

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> first.source().tree());
        assertTrue(
                e.getMessage().startsWith(first.file() + " changed while the site was being built"),
                e.getMessage());
        // A position asked for after the change is the whole file's, not a guess.
        assertEquals(org.keizu.diagnostic.Position.WHOLE_FILE, first.source().at("/name"));
    }
}
