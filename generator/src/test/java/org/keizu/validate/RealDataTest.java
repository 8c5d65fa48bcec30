package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Findings;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/** The registry itself, as committed, validates cleanly and covers what the registry promises. */
class RealDataTest {
    private final RegistryBuild.Checked checked = TestRegistries.checkReal();
    private final Findings findings = checked.findings();
    private final Registry registry = checked.registry();

    @Test
    void validatesWithoutFindings() {
        assertEquals(List.of(), findings.sorted());
    }

    @Test
    void holdsAtLeastTwelveModelsFromSixCountries() {
        List<Model> models = registry.models().stream().map(Loaded::record).toList();
        Set<String> countries = models.stream().map(Model::country).collect(Collectors.toSet());
        assertTrue(models.size() >= 12, models.size() + " models");
        assertTrue(countries.size() >= 6, countries.toString());
    }

    @Test
    void everyFactCitesASourceOfItsRecord() {
        // ReferenceCheck enforces it; this guards against the check being switched off.
        for (Loaded<Model> m : registry.models()) {
            Set<String> ids =
                    m.record().sources().stream().map(s -> s.id()).collect(Collectors.toSet());
            m.record().claims().forEach(c -> assertTrue(ids.contains(c.source()), m.file()));
            m.record()
                    .lineage()
                    .forEach(
                            l ->
                                    l.evidence()
                                            .forEach(
                                                    e ->
                                                            assertTrue(
                                                                    ids.contains(e.source()),
                                                                    m.file())));
            m.record().timeline().forEach(e -> assertTrue(ids.contains(e.source()), m.file()));
        }
    }

    @Test
    void recordsPointTheirEditorsAtTheSchema() throws Exception {
        List<Loaded<?>> all = new java.util.ArrayList<>(registry.models());
        all.addAll(registry.organisations());
        all.addAll(registry.programmes());
        for (Loaded<?> record : all) {
            if (record.file().endsWith(".yaml")) {
                String first = java.nio.file.Files.readAllLines(Path.of(record.file())).get(0);
                String schema = record.source().kind().schemaFile();
                assertEquals(
                        "# yaml-language-server: $schema=../schema/" + schema,
                        first,
                        record.file());
            }
        }
    }
}
