package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.load.Loaded;
import org.keizu.model.Model;

/**
 * What {@code keizu serve} shows an edited model's pages from before the whole registry is checked
 * again ({@link RegistryBuild#withEditedModel}): the last checks with that one record read again
 * from its file, and its analysis made from it; nothing when the file alone cannot be trusted so
 * far (it does not load cleanly, its id changed, or it changed what the detector's index was built
 * from).
 */
class RegistryEditedModelTest {
    @TempDir Path root;

    private RegistryBuild build;
    private RegistryBuild.Checked checked;

    @BeforeEach
    void checkACopyOfTheRealRegistry() {
        TestRegistries.realCopy(root);
        build = new RegistryBuild(TestRegistries.options(root), new RegistryLoad.Cache());
        checked = build.check();
        assertFalse(checked.findings().hasErrors(), checked.findings().sorted().toString());
    }

    private Loaded<Model> loaded(String id) {
        return checked.registry().models().stream()
                .filter(l -> l.record().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private Optional<RegistryBuild.Checked> edit(String id, String from, String to)
            throws Exception {
        Path file = loaded(id).source().file();
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
        return build.withEditedModel(checked, loaded(id));
    }

    @Test
    void theEditedRecordIsSetIntoTheLastChecksAndAnalysedAfresh() throws Exception {
        // Rakuten AI 3.0 (JP) continues the pre-training of DeepSeek V3 (CN): a foreign base.
        assertTrue(checked.analysis().of("rakuten-ai-3.0").onForeignBase());

        RegistryBuild.Checked edited =
                edit("rakuten-ai-3.0", "\ncountry: JP\n", "\ncountry: CN\n").orElseThrow();

        Model model = edited.registry().model("rakuten-ai-3.0").orElseThrow();
        assertEquals("CN", model.country());
        assertFalse(
                edited.analysis().of("rakuten-ai-3.0").onForeignBase(),
                "analysed from the edited record, not taken from the last analysis");
        assertEquals(0, edited.findings().sorted().size());
        assertEquals(checked.registry().models().size(), edited.registry().models().size());
        assertSame(
                checked.registry().model("deepseek-v3").orElseThrow(),
                edited.registry().model("deepseek-v3").orElseThrow(),
                "the other records are the last checks' own");
        assertEquals(checked.datasetDate(), edited.datasetDate());
        assertTrue(
                checked.analysis().of("rakuten-ai-3.0").onForeignBase(),
                "the last checks are left as they were");
    }

    /**
     * The chains of derivation are kept from the last analysis only when the edit left the lineage
     * as it was; either way they are what a whole check of the edited registry gives.
     */
    @Test
    void theChainsOfDerivationFollowTheEditedLineage() throws Exception {
        // Sahabat-AI continues the pre-training of SEA-LION v3, which continues Gemma 2 9B's.
        String id = "sahabat-ai-gemma2-9b";
        assertEquals(
                java.util.List.of("gemma2-sea-lion-v3-9b", "gemma-2-9b"),
                checked.analysis().of(id).ancestors());

        RegistryBuild.Checked renamed = edit(id, "\nname: ", "\nname: Renamed ").orElseThrow();
        assertEquals(
                build.check().analysis().of(id).ancestors(), renamed.analysis().of(id).ancestors());

        checkACopyOfTheRealRegistry();
        RegistryBuild.Checked rebased =
                edit(
                                id,
                                "  - base: gemma2-sea-lion-v3-9b\n    relation: continued-pretraining",
                                "  - base: gemma2-sea-lion-v3-9b\n    relation: architecture-only")
                        .orElseThrow();
        assertEquals(java.util.List.of(), rebased.analysis().of(id).ancestors());
        assertEquals(
                build.check().analysis().of(id).ancestors(), rebased.analysis().of(id).ancestors());
        assertEquals(
                java.util.List.of(),
                rebased.analysis().children("gemma2-sea-lion-v3-9b"),
                "no longer a child of SEA-LION v3");
    }

    @Test
    void aFileThatDoesNotLoadCleanlyIsNotTakenAlone() throws Exception {
        assertTrue(edit("rakuten-ai-3.0", "\nname:", "\nname: [unclosed\nx:").isEmpty());
        assertTrue(
                edit("rakuten-ai-3.0", "\ncountry: JP\n", "\ncountry: 81\n").isEmpty(),
                "a schema error");
    }

    @Test
    void anEditThatChangesTheIdIsNotTakenAlone() throws Exception {
        assertTrue(edit("rakuten-ai-3.0", "id: rakuten-ai-3.0\n", "id: rakuten-ai-3\n").isEmpty());
    }

    @Test
    void anEditToWhatTheDetectorsIndexWasBuiltFromIsNotTakenAlone() throws Exception {
        // Rakuten AI 7B holds a snapshot: its lineage and its snapshot feed the detector's index.
        assertTrue(
                edit("rakuten-ai-7b", "grade: E4\n", "grade: E3\n").isEmpty(),
                "the lineage of a model that holds a snapshot");
        checkACopyOfTheRealRegistry();
        Path file = loaded("rakuten-ai-7b").source().file();
        String held =
                Files.readString(file)
                        .lines()
                        .filter(l -> l.startsWith("snapshot: "))
                        .findFirst()
                        .orElseThrow();
        assertTrue(
                edit(
                                "rakuten-ai-7b",
                                held,
                                "snapshot: mistralai/Mistral-7B-v0.1@unpinned-4ac505dc15e4")
                        .isEmpty(),
                "its snapshot (another that the registry holds)");
        checkACopyOfTheRealRegistry();
        assertTrue(
                edit("rakuten-ai-7b", "grade: E4\n", "grade: E4\n    # a comment\n").isPresent(),
                "an edit the index does not read");
    }
}
