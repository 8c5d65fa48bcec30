package org.keizu.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.VerdictRule;
import org.keizu.load.Loaded;
import org.keizu.load.RecordMapper;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.registry.Registry;
import org.keizu.render.Messages;
import org.keizu.render.SitePaths;
import org.keizu.render.Views;

/**
 * The registry as open data: each record as JSON beside its page ({@code /models/<id>/index.json}),
 * and the whole registry as {@code /data/registry.json} and {@code /data/registry.csv}, with the
 * schemas under {@code /data/schema/}. Computed fields (verdict, detected base) are included and
 * marked as computed. {@code schema_version} changes when a field changes meaning.
 */
public final class OpenData {
    public static final int SCHEMA_VERSION = 1;
    private static final List<String> COLUMNS =
            List.of(
                    "id",
                    "name",
                    "native_name",
                    "country",
                    "organisation",
                    "programme",
                    "released",
                    "reviewed",
                    "verdict",
                    "verdict_uncertain",
                    "detected_base",
                    "detected_relation",
                    "detected_grade",
                    "url");

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final Registry registry;
    private final Analysis analysis;
    private final String datasetDate;

    /**
     * Origin and base URL, e.g. https://host/keizu/, or the base URL alone when the origin is not
     * known.
     */
    private final SitePaths absolute;

    private final Messages messages;

    public OpenData(Registry registry, Analysis analysis, Views.SiteView site, Messages messages) {
        this.messages = messages;
        this.registry = registry;
        this.analysis = analysis;
        this.datasetDate = site.datasetDate();
        this.absolute = new SitePaths(site.origin() + site.baseUrl());
    }

    /**
     * Each record as JSON, the registry as JSON and CSV, and the schemas, handed to {@code files}
     * one by one.
     */
    public void write(Path schemaDir, SitePlan.Sink files) throws IOException {
        List<Loaded<Model>> models =
                registry.models().stream()
                        .sorted(Comparator.comparing((Loaded<Model> l) -> l.record().id()))
                        .toList();
        ObjectNode all = json.objectNode();
        all.put("schema_version", SCHEMA_VERSION);
        all.put("dataset_date", datasetDate);
        all.put("licence", "CC-BY-4.0");
        ArrayNode list = all.putArray("models");
        List<String[]> csv = new ArrayList<>();
        csv.add(COLUMNS.toArray(String[]::new));
        // Each record's file is made on every core (its tree is read again from its file: the
        // load let it go), and handed on in the records' order.
        InOrder.make(
                models,
                this::recordFile,
                record -> {
                    list.add(record.summary());
                    csv.add(
                            COLUMNS.stream()
                                    .map(c -> spreadsheetSafe(text(record.summary().get(c))))
                                    .toArray(String[]::new));
                    files.accept(record.file());
                });
        files.accept(OutputFile.text(SitePaths.REGISTRY_JSON, write(all)));
        files.accept(OutputFile.text(SitePaths.REGISTRY_CSV, csvLines(csv)));
        try (Stream<Path> schemas = Files.list(schemaDir)) {
            for (Path schema :
                    schemas.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList()) {
                files.accept(
                        new OutputFile(
                                SitePaths.SCHEMAS + schema.getFileName(),
                                Files.readAllBytes(schema)));
            }
        }
    }

    /** One record's computed fields, and its file: those fields and the record as curated. */
    private record RecordFile(ObjectNode summary, OutputFile file) {}

    private RecordFile recordFile(Loaded<Model> loaded) {
        ObjectNode summary = summary(loaded.record());
        ObjectNode record = json.objectNode();
        record.put("schema_version", SCHEMA_VERSION);
        record.put("dataset_date", datasetDate);
        record.set("computed", summary);
        record.set("record", loaded.source().tree());
        return new RecordFile(
                summary, OutputFile.text(SitePaths.modelJson(loaded.record().id()), write(record)));
    }

    private ObjectNode summary(Model model) {
        VerdictRule.Finding verdict = analysis.of(model.id()).verdict();
        Optional<LineageLink> detected = analysis.of(model.id()).principalLink();
        ObjectNode row = json.objectNode();
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
        row.put("url", absolute.href(SitePaths.model(model.id())));
        return row;
    }

    private String write(JsonNode node) {
        try {
            return RecordMapper.publishedJson().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** Rows as CSV text, each line ending in CRLF. */
    static String csvLines(List<String[]> rows) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.databind.SequenceWriter writer =
                RecordMapper.csv().writeValues(out)) {
            writer.writeAll(rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One cell as registry.csv holds it: made spreadsheet-safe, then quoted by the CSV writer. */
    public static String csvCell(String value) {
        String line = csvLines(List.<String[]>of(new String[] {spreadsheetSafe(value)}));
        return line.substring(0, line.length() - "\r\n".length());
    }

    /**
     * A cell that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) gets
     * a leading apostrophe (OWASP, SECURITY.md §5.8). Quoting is the CSV writer's.
     */
    public static String spreadsheetSafe(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
