package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.ParsedRecord;
import org.keizu.load.PositionIndex;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;

/**
 * Checks records against the JSON Schema 2020-12 files in {@code data/schema/}, the same files
 * contributors' editors use, and turns each schema error into a finding at the offending line.
 *
 * <p>The schema states every rule it can, so that an editor flags what {@code validate} rejects.
 * Two annotations, read from the failing subschema, shape what is reported:
 *
 * <ul>
 *   <li>{@code patternErrorMessage} and {@code errorMessage} (the words editors such as VS Code
 *       show) replace the validator's own message, so that a bad date says how to write a date
 *       rather than printing a regular expression;
 *   <li>{@code x-keizu-check} names the check of {@code validate} that reports the rule with a
 *       fuller message (a country code's likely meaning, an id's closest match). Such a failure is
 *       left to that check, so it is reported once, and the record still binds, so that every other
 *       check runs in the same pass.
 * </ul>
 */
public final class SchemaValidator {
    /** The annotation naming the check that reports a schema rule itself. */
    public static final String CHECK_ANNOTATION = "x-keizu-check";

    /** The checks named by {@link #CHECK_ANNOTATION} that read snapshots too. */
    private static final java.util.Set<String> SNAPSHOT_CHECKS = java.util.Set.of("VAL-005");

    private final Map<RecordKind, Schema> schemas = new EnumMap<>(RecordKind.class);
    private final Map<String, JsonNode> schemaTrees =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The IRI the schema files are known by while validating. The reserved {@code .invalid} domain
     * never resolves, and every lookup under it is answered from {@code data/schema/}: validation
     * reads no network.
     */
    static final String SCHEMA_BASE = "https://schema.keizu.invalid/";

    /** Loads every kind's schema; a missing or broken schema is a set-up error, so it throws. */
    public SchemaValidator(Path schemaDir) {
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12,
                        builder ->
                                builder.schemas(
                                        (String iri) ->
                                                iri.startsWith(SCHEMA_BASE)
                                                        ? readAndKeep(
                                                                schemaDir,
                                                                iri.substring(SCHEMA_BASE.length()))
                                                        : null));
        for (RecordKind kind : RecordKind.values()) {
            // Relative $refs such as common.schema.json#/$defs/source resolve under the same base.
            Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + kind.schemaFile()));
            // Every $ref resolved now, not on first use: records are validated on several threads.
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
    }

    private static final long MAX_SCHEMA_BYTES = 1 << 20;

    /** Reads a schema for the validator and keeps its tree, to read annotations from. */
    private String readAndKeep(Path schemaDir, String name) {
        String text = readSchema(schemaDir, name);
        try {
            schemaTrees.put(name, RecordMapper.plainJson().readTree(text));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("schema " + name + " is not JSON: " + e.getMessage());
        }
        return text;
    }

    private static String readSchema(Path schemaDir, String name) {
        Path file = schemaDir.resolve(name).normalize();
        if (!name.matches("[a-z-]+\\.schema\\.json") || !Files.isRegularFile(file)) {
            throw new IllegalStateException("schema not found: " + file);
        }
        try {
            if (Files.size(file) > MAX_SCHEMA_BYTES) { // checked before reading, like every input
                throw new IllegalStateException(
                        "schema " + file + " is larger than " + MAX_SCHEMA_BYTES / 1024 + " KiB");
            }
            return Files.readString(
                    file); // strict UTF-8: a malformed byte is an exception, not U+FFFD
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read schema " + file, e);
        }
    }

    public void validate(ParsedRecord record, Consumer<Finding> out) {
        List<com.networknt.schema.Error> errors =
                schemas.get(record.kind()).validate(record.tree());
        for (com.networknt.schema.Error error : errors) {
            JsonNode subschema = subschema(error);
            // The named checks read text: a value of the wrong type stays the schema's "type" to
            // report. Snapshots are written by `fetch`, and of the named checks only the origin
            // address's (SnapshotCheck) reads them.
            String check = subschema.path(CHECK_ANNOTATION).asText("");
            boolean leftToItsCheck =
                    !check.isEmpty()
                            && !"type".equals(error.getKeyword())
                            && (RecordKind.curated().contains(record.kind())
                                    || SNAPSHOT_CHECKS.contains(check));
            if (!leftToItsCheck) {
                out.accept(toFinding(record, error, subschema));
            }
        }
    }

    /**
     * The schema object whose keyword failed ({@code {"pattern": ..., "patternErrorMessage":
     * ...}}), or a missing node when its file is not one of ours.
     */
    private JsonNode subschema(com.networknt.schema.Error error) {
        SchemaLocation location = error.getSchemaLocation();
        String iri = location.getAbsoluteIri() == null ? "" : location.getAbsoluteIri().toString();
        JsonNode tree =
                iri.startsWith(SCHEMA_BASE)
                        ? schemaTrees.get(iri.substring(SCHEMA_BASE.length()))
                        : null;
        NodePath fragment = location.getFragment();
        if (tree == null || fragment == null || fragment.getNameCount() == 0) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        // The fragment ends with the keyword that failed; its parent is the subschema.
        return tree.at(pointer(fragment.getParent()));
    }

    /** The schema's own words for a failure, if it gives any. */
    private static String words(JsonNode subschema, String keyword) {
        if (keyword.equals("pattern") && subschema.path("patternErrorMessage").isTextual()) {
            return subschema.get("patternErrorMessage").asText();
        }
        return subschema.path("errorMessage").asText("");
    }

    private static Finding toFinding(
            ParsedRecord record, com.networknt.schema.Error error, JsonNode subschema) {
        String pointer = pointer(error.getInstanceLocation());
        PositionIndex positions = record.positions();
        String file = record.displayPath();
        String field =
                pointer.isEmpty()
                        ? "the record"
                        : "\"" + pointer.substring(1).replace('/', '.') + "\"";
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String words = words(subschema, keyword);
        // The schema's words say how to write a value; a missing field, an unknown one or a value
        // of the wrong type has messages of its own.
        if (!words.isEmpty()
                && !keyword.equals("required")
                && !keyword.equals("type")
                && !keyword.contains("Properties")) {
            Check check = Check.SCHEMA_005;
            if (keyword.equals("enum") || keyword.equals("const")) {
                check = Check.SCHEMA_004;
            }
            return Finding.error(
                    file,
                    positions.value(pointer),
                    check,
                    field + " is " + shown(record.tree().at(pointer)) + "; " + words);
        }
        return switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String child = PositionIndex.child(pointer, error.getProperty());
                yield Finding.error(
                        file,
                        positions.key(child),
                        Check.SCHEMA_001,
                        "unknown field \""
                                + error.getProperty()
                                + "\""
                                + (pointer.isEmpty() ? "" : " in " + field)
                                + "; see data/schema/"
                                + record.kind().schemaFile()
                                + " for the fields allowed");
            }
            case "required" ->
                    Finding.error(
                            file,
                            positions.value(pointer),
                            Check.SCHEMA_002,
                            "missing required field \""
                                    + error.getProperty()
                                    + "\""
                                    + (pointer.isEmpty() ? "" : " in " + field));
            case "type" ->
                    Finding.error(
                            file,
                            positions.value(pointer),
                            Check.SCHEMA_003,
                            field + " " + detail(error) + typeHint(record.tree().at(pointer)));
            case "enum", "const" ->
                    Finding.error(
                            file,
                            positions.value(pointer),
                            Check.SCHEMA_004,
                            field
                                    + " is "
                                    + shown(record.tree().at(pointer))
                                    + "; allowed: "
                                    + allowed(error.getSchemaNode()));
            case "pattern",
                    "format",
                    "minLength",
                    "maxLength",
                    "minItems",
                    "maxItems",
                    "minimum",
                    "maximum",
                    "exclusiveMinimum",
                    "exclusiveMaximum" ->
                    Finding.error(
                            file,
                            positions.value(pointer),
                            Check.SCHEMA_005,
                            field + " " + detail(error));
            default ->
                    Finding.error(
                            file,
                            positions.value(pointer),
                            Check.SCHEMA_006,
                            field + " " + detail(error));
        };
    }

    /** The validator's message without the location it starts with (we print our own). */
    private static String detail(com.networknt.schema.Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        boolean startsWithLocation = message.startsWith("/") || message.startsWith("$");
        return colon >= 0 && startsWithLocation ? message.substring(colon + 2) : message;
    }

    private static String typeHint(JsonNode value) {
        if (value.isNull()) {
            // A skeleton from keizu new marks every value still to fill in with ~.
            return " (~ or null marks a value still to fill in: write the value, or leave the field"
                    + " out if it is optional)";
        }
        if (value.isNumber() || value.isBoolean()) {
            return " (YAML read "
                    + shown(value)
                    + " as a "
                    + (value.isNumber() ? "number" : "boolean")
                    + "; put it in quotes to keep it as text)";
        }
        return "";
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
    }

    private static String allowed(JsonNode schemaNode) {
        if (schemaNode == null) {
            return "see the schema";
        }
        if (schemaNode.isArray()) {
            StringBuilder out = new StringBuilder();
            schemaNode.forEach(
                    term -> out.append(out.length() == 0 ? "" : ", ").append(term.asText()));
            return out.toString();
        }
        return schemaNode.toString();
    }

    /** The JSON pointer of a schema error's instance location ({@code /lineage/0/base}). */
    static String pointer(NodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer =
                    element instanceof Integer index
                            ? PositionIndex.child(pointer, index)
                            : PositionIndex.child(pointer, String.valueOf(element));
        }
        return pointer;
    }
}
