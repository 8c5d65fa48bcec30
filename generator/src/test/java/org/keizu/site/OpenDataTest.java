package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * The registry as open data: JSON per record and for the whole, CSV safe to open in a spreadsheet.
 */
class OpenDataTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://evil\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void neutralisesSpreadsheetFormulas(String value) {
        String cell = OpenData.csvCell(value);
        assertTrue(cell.startsWith("\"'"), cell);
        assertEquals(value, cell.substring(2, cell.length() - 1).replace("\"\"", "\""));
    }

    @Test
    void quotesEveryCellAndDoublesQuotes() {
        assertEquals("\"say \"\"hi\"\", then, go\"", OpenData.csvCell("say \"hi\", then, go"));
        assertEquals("\"\"", OpenData.csvCell(""));
    }

    @Test
    void publishesEveryRecordAsDataWithItsComputedVerdict(@TempDir Path root) throws IOException {
        TestRegistries.validFixture(root);
        Path out = root.resolve("site");
        new RegistryBuild(TestRegistries.options(root))
                .build(new RegistryBuild.Output(out, "/keizu/", "https://example.org", false));
        ObjectMapper json = new ObjectMapper();
        JsonNode registry = json.readTree(out.resolve("data/registry.json").toFile());
        assertEquals(1, registry.get("schema_version").asInt());
        assertEquals(3, registry.get("models").size());
        JsonNode national = json.readTree(out.resolve("models/national-model/index.json").toFile());
        assertEquals("disclosed-after-the-fact", national.get("computed").get("verdict").asText());
        assertEquals(
                "https://example.org/keizu/models/national-model/",
                national.get("computed").get("url").asText());
        assertEquals("国民モデル", national.get("record").get("native_name").asText());
        List<String> csv = Files.readAllLines(out.resolve("data/registry.csv"));
        assertEquals(4, csv.size(), "a header and one line per model");
        assertTrue(csv.get(0).startsWith("\"id\",\"name\""), csv.get(0));
        assertTrue(Files.exists(out.resolve("data/schema/model.schema.json")));
    }
}
