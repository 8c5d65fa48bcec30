package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.diagnostic.FindingFormat;
import org.keizu.diagnostic.Findings;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/**
 * The loads of a live preview keep what each record file gave: a file whose bytes did not change is
 * not parsed, checked or bound again, and nothing is taken from the cache once its file or a schema
 * changed.
 */
class RegistryLoadCacheTest {
    @TempDir Path root;

    private final RegistryLoad.Cache cache = new RegistryLoad.Cache();

    private Registry load(Path data, Findings findings) {
        return new RegistryLoad(data, root, null, cache).run(findings);
    }

    private static List<String> names(Registry registry) {
        return registry.models().stream().map(Loaded::record).map(Model::name).toList();
    }

    private static int files(Path data, String folder) throws Exception {
        try (var listing = Files.list(data.resolve(folder))) {
            return (int) listing.count();
        }
    }

    @Test
    void anUnchangedFileIsTakenFromTheCacheAndAnEditedOneReadAgain() throws Exception {
        Path data = TestRegistries.realCopy(root);
        int records =
                files(data, "models") + files(data, "organisations") + files(data, "programmes");
        Registry first = load(data, new Findings());
        assertEquals(0, cache.reused(), "nothing to reuse at first");

        Registry again = load(data, new Findings());
        assertEquals(records, cache.reused());
        assertEquals(names(first), names(again));

        Loaded<Model> edited = first.models().get(3);
        Path file = edited.source().file();
        String name = edited.record().name();
        Files.writeString(
                file,
                Files.readString(file).replace("name: " + name, "name: " + name + " (edited)"));
        Registry afterEdit = load(data, new Findings());
        assertEquals(records - 1, cache.reused());
        assertEquals(name + " (edited)", afterEdit.models().get(3).record().name());
    }

    @Test
    void anEditThatBreaksARecordIsReportedAndAFixTakesTheFileAgain() throws Exception {
        Path data = TestRegistries.realCopy(root);
        load(data, new Findings());
        Path file = data.resolve("models").resolve("rakuten-ai-3.0.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("\nname:", "\nname: [unclosed"));

        Findings broken = new Findings();
        load(data, broken);
        assertTrue(broken.hasErrors(), "the broken file is reported, not taken from the cache");
        assertTrue(
                broken.sorted().stream()
                        .map(FindingFormat.TEXT::format)
                        .allMatch(line -> line.contains("rakuten-ai-3.0.yaml")),
                broken.sorted().toString());

        Files.writeString(file, original);
        Findings fixed = new Findings();
        load(data, fixed);
        assertFalse(fixed.hasErrors(), fixed.sorted().toString());
    }

    @Test
    void aChangedSchemaDropsEverythingCached() throws Exception {
        Path data = TestRegistries.realCopy(root);
        load(data, new Findings());
        Path schema = data.resolve("schema/model.schema.json");
        Files.writeString(schema, Files.readString(schema) + "\n");
        load(data, new Findings());
        assertEquals(0, cache.reused());
        load(data, new Findings());
        assertTrue(cache.reused() > 0, "the same schemas again: reused");
    }
}
