package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.diagnostic.Findings;
import org.keizu.registry.Registry;
import org.keizu.validate.SchemaValidator;

/**
 * A load reads and parses the record files while the schemas compile, and waits for them only to
 * check a parsed record: the load is the same whenever they arrive, and schemas that fail to
 * compile fail the load as they failed.
 */
class RegistryLoadSchemaWaitTest {
    @Test
    void schemasThatArriveLateGiveTheSameLoad(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        Findings atOnce = new Findings();
        Registry loadedAtOnce =
                new RegistryLoad(
                                data,
                                root,
                                CompletableFuture.completedFuture(
                                        new SchemaValidator(data.resolve("schema"))),
                                null)
                        .run(atOnce);

        // Compiled on another thread, after a pause long enough for the load to have parsed its
        // first files and to be waiting.
        CompletableFuture<SchemaValidator> late =
                CompletableFuture.supplyAsync(
                        () -> new SchemaValidator(data.resolve("schema")),
                        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        Findings afterWaiting = new Findings();
        Registry loadedLate = new RegistryLoad(data, root, late, null).run(afterWaiting);

        assertTrue(late.isDone());
        assertEquals(ids(loadedAtOnce), ids(loadedLate));
        assertEquals(atOnce.sorted(), afterWaiting.sorted());
        assertTrue(loadedLate.models().size() > 1, "the fixture has models");
    }

    @Test
    void schemasThatFailToCompileFailTheLoadWithTheirOwnError(@TempDir Path root) throws Exception {
        Path data = TestRegistries.validFixture(root);
        CompletableFuture<SchemaValidator> broken =
                CompletableFuture.failedFuture(
                        new IllegalStateException("schema not found: model.schema.json"));

        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () -> new RegistryLoad(data, root, broken, null).run(new Findings()));

        // Thrown as raised, not wrapped by the threads that read the files.
        assertEquals("schema not found: model.schema.json", thrown.getMessage());
    }

    private static java.util.List<String> ids(Registry registry) {
        return registry.models().stream().map(m -> m.record().id()).toList();
    }
}
