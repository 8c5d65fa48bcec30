package org.keizu.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keizu.lineage.VerdictRule;
import org.keizu.load.Loaded;
import org.keizu.load.Registry;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.render.Messages;
import org.keizu.render.ViewBuilder;

/**
 * The registry as open data: each record as JSON beside its page ({@code /models/<id>/index.json}),
 * and the whole registry as {@code /data/registry.json} and {@code /data/registry.csv}, with the
 * schemas under {@code /data/schema/}. Computed fields (verdict, detected base) are included and
 * marked as computed. {@code schema_version} changes when a field changes meaning.
 */
public final class OpenData {
    public static final int SCHEMA_VERSION = 1;
    private static final List<String> COLUMNS = List.of("id", "name", "native_name", "country", "organisation", "programme",
            "released", "reviewed", "verdict", "verdict_uncertain", "detected_base", "detected_relation", "detected_grade", "url");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private final Registry registry;
    private final VerdictRule verdicts;
    private final String datasetDate;
    private final String siteUrl;
    private final Messages messages;

    /** @param siteUrl origin + base URL, e.g. https://host/keizu/ or /keizu/ */
    public OpenData(Registry registry, String datasetDate, String siteUrl, Messages messages) {
        this.messages = messages;
        this.registry = registry;
        this.verdicts = new VerdictRule(registry.modelsById());
        this.datasetDate = datasetDate;
        this.siteUrl = siteUrl;
    }

    /** Each record as JSON, the registry as JSON and CSV, and the schemas, handed to {@code files} one by one. */
    public void write(Path schemaDir, SitePlan.Sink files) throws IOException {
        List<Loaded<Model>> models = registry.models().stream()
                .sorted(Comparator.comparing((Loaded<Model> l) -> l.record().id())).toList();
        ObjectNode all = json.createObjectNode();
        all.put("schema_version", SCHEMA_VERSION);
        all.put("dataset_date", datasetDate);
        all.put("licence", "CC-BY-4.0");
        ArrayNode list = all.putArray("models");
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS.stream().map(OpenData::csvCell).toList())).append("\r\n");
        for (Loaded<Model> loaded : models) {
            ObjectNode summary = summary(loaded.record());
            list.add(summary);
            csv.append(String.join(",", COLUMNS.stream().map(c -> csvCell(text(summary.get(c)))).toList())).append("\r\n");
            ObjectNode record = json.createObjectNode();
            record.put("schema_version", SCHEMA_VERSION);
            record.put("dataset_date", datasetDate);
            record.set("computed", summary);
            record.set("record", loaded.source().tree());
            files.accept(OutputFile.text(ViewBuilder.modelPath(loaded.record().id()) + "index.json", write(record)));
        }
        files.accept(OutputFile.text("data/registry.json", write(all)));
        files.accept(OutputFile.text("data/registry.csv", csv.toString()));
        try (Stream<Path> schemas = Files.list(schemaDir)) {
            for (Path schema : schemas.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList()) {
                files.accept(new OutputFile("data/schema/" + schema.getFileName(), Files.readAllBytes(schema)));
            }
        }
    }

    private ObjectNode summary(Model model) {
        VerdictRule.Finding verdict = verdicts.judge(model);
        Optional<LineageLink> detected = ViewBuilder.detectedBase(model);
        ObjectNode row = json.createObjectNode();
        row.put("id", model.id());
        row.put("name", model.name());
        row.put("native_name", model.nativeName());
        row.put("country", model.country());
        row.put("organisation", model.organisation());
        row.put("programme", model.programme());
        row.put("released", model.released());
        row.put("reviewed", model.reviewed());
        row.put("verdict", verdict.verdict().term());
        row.put("verdict_uncertain", verdict.uncertain());
        row.put("headline", messages.format(verdict.headline()));
        row.put("detected_base", detected.map(LineageLink::base).orElse(null));
        row.put("detected_relation", detected.map(l -> l.relation().term()).orElse(null));
        row.put("detected_grade", detected.map(l -> l.grade().name()).orElse(null));
        row.put("url", siteUrl + ViewBuilder.modelPath(model.id()));
        return row;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }

    /**
     * One CSV cell (RFC 4180, every cell quoted). A cell that a spreadsheet would run as a formula
     * ({@code = + - @}, tab, carriage return) gets a leading apostrophe (OWASP, SECURITY.md §5.8).
     */
    public static String csvCell(String value) {
        String s = value;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
