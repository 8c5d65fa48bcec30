package org.keizu.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keizu.load.Loaded;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.model.TestModels;

/** The typed store: lookups by id and the reverse indexes the pages and checks read. */
class RegistryTest {
    private static Model model(
            String id,
            String name,
            String country,
            String organisation,
            String programme,
            String... bases) {
        List<LineageLink> lineage =
                java.util.Arrays.stream(bases)
                        .map(
                                b ->
                                        new LineageLink(
                                                b,
                                                Relation.FINE_TUNE,
                                                Grade.E3,
                                                null,
                                                null,
                                                List.of()))
                        .toList();
        return TestModels.model(id)
                .name(name)
                .organisation(organisation)
                .country(country)
                .programme(programme)
                .lineage(lineage)
                .build();
    }

    private static Loaded<Model> loaded(Model m) {
        return new Loaded<>(
                m,
                new ParsedRecord(
                        RecordKind.MODEL,
                        Path.of(m.id() + ".yaml"),
                        m.id() + ".yaml",
                        (JsonNode) null,
                        null));
    }

    private final Registry registry =
            new Registry(
                    List.of(
                            loaded(model("llama", "Llama", "US", "meta", null)),
                            loaded(
                                    model(
                                            "swallow",
                                            "Swallow",
                                            "JP",
                                            "tokyo-tech",
                                            "geniac",
                                            "llama")),
                            loaded(model("elyza", "ELYZA", "JP", "elyza", null, "llama")),
                            loaded(model("llama", "Second Llama", "US", "meta", null))),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(
                            new ParsedRecord(
                                    RecordKind.ORGANISATION,
                                    Path.of("broken-org.yaml"),
                                    "data/organisations/broken-org.yaml",
                                    JsonNodeFactory.instance.objectNode().put("id", "broken-org"),
                                    null)));

    @Test
    void looksUpByIdAndKeepsTheFirstOfTwoRecordsWithOneId() {
        assertEquals("Llama", registry.model("llama").orElseThrow().name());
        assertEquals(Optional.empty(), registry.model("missing"));
        assertEquals(
                4,
                registry.models().size(),
                "every loaded record is kept, in order, for the identity check");
    }

    @Test
    void indexesModelsByCountryOrganisationProgrammeAndBase() {
        assertEquals(
                List.of("swallow", "elyza"),
                registry.modelsOfCountry("JP").stream().map(Model::id).toList());
        assertEquals(
                List.of("elyza"),
                registry.modelsByOrganisation("elyza").stream().map(Model::id).toList());
        assertEquals(
                List.of("swallow"),
                registry.modelsOfProgramme("geniac").stream().map(Model::id).toList());
        assertEquals(
                List.of("swallow", "elyza"),
                registry.declaredLinksTo("llama").stream().map(d -> d.model().id()).toList());
        assertEquals(List.of(), registry.declaredLinksTo("swallow"));
        assertEquals(Set.of("US", "JP"), registry.countries());
    }

    @Test
    void remembersTheIdsOfFilesThatFailedToLoad() {
        assertEquals(Set.of("broken-org"), registry.failedToLoad(RecordKind.ORGANISATION));
        assertEquals(Set.of(), registry.failedToLoad(RecordKind.MODEL));
        assertEquals(
                List.of("data/organisations/broken-org.yaml"),
                registry.parsed(RecordKind.ORGANISATION).stream()
                        .map(ParsedRecord::displayPath)
                        .toList(),
                "the checks that read trees see the record that failed its schema");
    }
}
