package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keizu.load.RecordMapper;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.model.TestModels;

class MachineMetadataTest {
    @Test
    void textOfARecordCannotCloseTheScriptElement() throws IOException {
        String hostile = "</script><script>alert(1)</script><!-- & \u2028";
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", hostile);
        String json = MachineMetadata.scriptSafe(node);
        assertFalse(json.contains("<"));
        assertFalse(json.contains(">"));
        assertFalse(json.contains("&"));
        assertFalse(json.contains("\u2028"));
        assertEquals(hostile, RecordMapper.plainJson().readTree(json).get("name").asText());
    }

    @Test
    void provStatesOnlyWeightDerivationsAtE2OrMore() {
        List<LineageLink> links =
                List.of(
                        link("a", Relation.FINE_TUNE, Grade.E2),
                        link("b", Relation.CONTINUED_PRETRAINING, Grade.E4),
                        link("c", Relation.DISTILLATION, Grade.E3),
                        link("d", Relation.FINE_TUNE, Grade.E1),
                        link("e", Relation.ARCHITECTURE_ONLY, Grade.E4),
                        link("f", Relation.COMPONENT, Grade.E4),
                        link("g", Relation.TOKENIZER, Grade.E4));
        Model model =
                TestModels.model("m")
                        .name("M")
                        .organisation("o")
                        .reviewed("2026-01-01")
                        .lineage(links)
                        .build();
        assertEquals(
                List.of("a", "b", "c"),
                MachineMetadata.provDerivations(model).stream().map(LineageLink::base).toList());
    }

    @Test
    void idsNameWhatTheEntryIsNotWhenItWasBuilt() {
        assertEquals(
                MachineMetadata.stableId("models/x/revision/abc"),
                MachineMetadata.stableId("models/x/revision/abc"));
        assertFalse(
                MachineMetadata.stableId("models/x/revision/abc")
                        .equals(MachineMetadata.stableId("models/x/revision/abd")));
    }

    private static LineageLink link(String base, Relation relation, Grade grade) {
        return new LineageLink(base, relation, grade, null, null, List.of());
    }
}
