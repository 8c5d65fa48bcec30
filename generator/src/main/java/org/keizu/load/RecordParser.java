package org.keizu.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;

/**
 * Reads one record file, YAML or JSON, into a tree with the position of every value.
 *
 * <p>Strict on purpose (SECURITY.md §5.1): one document, no duplicate keys, no anchors, aliases or
 * tags, limited size and depth. Scalars are typed by YAML 1.2's core schema, not YAML 1.1's, so
 * that {@code country: NO} stays the text "NO"; dates stay text until validation checks them.
 *
 * <pre>
 *   RecordParser parser = new RecordParser(new RecordMapper());
 *   ParseResult r = parser.parse(RecordKind.MODEL, path, "data/models/x.yaml", bytes);
 *   r.record().ifPresent(...); r.findings().forEach(...);
 * </pre>
 */
public final class RecordParser {
    /** YAML 1.2 core schema booleans; YAML 1.1's yes/no/on/off stay text. */
    private static final Set<String> YAML_BOOLEANS =
            Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private final RecordMapper mappers;
    private final JsonNodeFactory nodes = new JsonNodeFactory(true);

    public RecordParser(RecordMapper mappers) {
        this.mappers = mappers;
    }

    /**
     * What reading one file gave: the record, or the findings that stopped it (never both empty).
     */
    public record ParseResult(Optional<ParsedRecord> record, List<Finding> findings) {}

    public ParseResult parse(RecordKind kind, Path file, String displayPath, byte[] bytes) {
        List<Finding> findings = new ArrayList<>();
        if (bytes.length > RecordMapper.MAX_FILE_BYTES) {
            // Only the first MAX + 1 bytes were read: say "more than", never a made-up size.
            findings.add(
                    Finding.error(
                            displayPath,
                            Position.WHOLE_FILE,
                            Check.LOAD_007,
                            "the file is larger than "
                                    + RecordMapper.MAX_FILE_BYTES / 1024
                                    + " KiB, the most a record may hold"));
            return new ParseResult(Optional.empty(), findings);
        }
        Optional<String> text = decode(bytes, displayPath, findings);
        if (text.isEmpty()) {
            return new ParseResult(Optional.empty(), findings);
        }
        boolean isYaml = !displayPath.endsWith(".json");
        if (isYaml) {
            YamlHazardScan.scan(text.get(), displayPath, findings::add);
            if (!findings.isEmpty()) {
                return new ParseResult(Optional.empty(), findings);
            }
        }
        PositionIndex positions = new PositionIndex();
        try (JsonParser parser =
                isYaml
                        ? mappers.yamlFactory().createParser(text.get())
                        : mappers.jsonFactory().createParser(text.get())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                findings.add(
                        Finding.error(
                                displayPath,
                                first == null ? new Position(1, 1) : at(parser),
                                Check.LOAD_010,
                                first == null
                                        ? "the file is empty"
                                        : "the file must hold a mapping of fields, not a "
                                                + describe(first)));
                return new ParseResult(Optional.empty(), findings);
            }
            Reader reader = new Reader(parser, displayPath, isYaml, positions, findings);
            JsonNode tree;
            JsonToken after;
            try {
                tree = reader.value("", 1);
                after = parser.nextToken();
            } catch (StreamConstraintsException e) {
                // Here the parser still knows where it stopped; the exception often does not.
                findings.add(limitFinding(displayPath, e, parser.currentLocation()));
                return new ParseResult(Optional.empty(), findings);
            }
            if (after != null) {
                findings.add(
                        Finding.error(
                                displayPath,
                                at(parser),
                                Check.LOAD_006,
                                "more content follows the record; put one record in each file"));
            }
            return findings.isEmpty()
                    ? new ParseResult(
                            Optional.of(new ParsedRecord(kind, file, displayPath, tree, positions)),
                            findings)
                    : new ParseResult(Optional.empty(), findings);
        } catch (StreamConstraintsException e) {
            findings.add(limitFinding(displayPath, e, e.getLocation()));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Position where =
                    loc == null
                            ? Position.WHOLE_FILE
                            : new Position(loc.getLineNr(), loc.getColumnNr());
            findings.add(
                    Finding.error(
                            displayPath,
                            where,
                            Check.LOAD_002,
                            "syntax: " + YamlHazardScan.oneLine(e.getOriginalMessage())));
        } catch (IOException e) {
            findings.add(
                    Finding.error(
                            displayPath,
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            YamlHazardScan.oneLine(e.getMessage())));
        } catch (RuntimeException e) {
            // A parser that fails outside its own exception types (fuzzing found SnakeYAML doing
            // so)
            // still yields a finding for this file, so that no other file's findings are lost.
            findings.add(
                    Finding.error(
                            displayPath,
                            Position.WHOLE_FILE,
                            Check.LOAD_002,
                            "the file cannot be parsed; check quoting and escape sequences"));
        }
        return new ParseResult(Optional.empty(), findings);
    }

    /**
     * A parser limit, in the registry's words and at the place the parser stopped (Jackson's own
     * message names its settings, and its nesting limit is one more than the documented one).
     */
    private static Finding limitFinding(
            String displayPath, StreamConstraintsException e, JsonLocation loc) {
        Position where =
                loc == null || loc.getLineNr() < 1
                        ? Position.WHOLE_FILE
                        : new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
        String original = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (original.contains("nesting")) {
            return Finding.error(
                    displayPath,
                    where,
                    Check.LOAD_008,
                    "nested deeper than " + RecordMapper.MAX_DEPTH + " levels");
        }
        String what =
                original.contains("number")
                        ? "a number longer than " + RecordMapper.MAX_NUMBER_DIGITS + " digits"
                        : original.contains("name")
                                ? "a field name longer than "
                                        + RecordMapper.MAX_NAME_CHARS
                                        + " characters"
                                : original.contains("string")
                                        ? "a text longer than "
                                                + RecordMapper.MAX_STRING_CHARS
                                                + " characters"
                                        : "more than "
                                                + RecordMapper.MAX_FILE_BYTES / 1024
                                                + " KiB";
        return Finding.error(
                displayPath,
                where,
                Check.LOAD_007,
                "the file holds " + what + ", more than a record may");
    }

    /**
     * Decodes UTF-8 strictly, for every text file Keizu reads: a bad byte is reported with its
     * line, never replaced. One leading BOM is allowed.
     */
    static Optional<String> decode(byte[] bytes, String file, List<Finding> findings) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buffer).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            findings.add(
                    Finding.error(
                            file,
                            new Position(line, offset - lineStart + 1),
                            Check.LOAD_001,
                            "byte " + offset + " is not valid UTF-8; save the file as UTF-8"));
            return Optional.empty();
        }
    }

    private static Position at(JsonParser parser) {
        JsonLocation loc = parser.currentTokenLocation();
        return new Position(loc.getLineNr(), loc.getColumnNr());
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "list";
            case VALUE_STRING -> "single text value";
            default -> "single value";
        };
    }

    /**
     * Builds the tree from the token stream, noting each value's position and each duplicate key.
     */
    private final class Reader {
        private final JsonParser parser;
        private final String file;
        private final boolean yaml;
        private final PositionIndex positions;
        private final List<Finding> findings;

        Reader(
                JsonParser parser,
                String file,
                boolean yaml,
                PositionIndex positions,
                List<Finding> findings) {
            this.parser = parser;
            this.file = file;
            this.yaml = yaml;
            this.positions = positions;
            this.findings = findings;
        }

        JsonNode value(String pointer, int depth) throws IOException {
            Position position = at(parser);
            positions.putValue(pointer, position);
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        String child = PositionIndex.child(pointer, name);
                        Position keyAt = at(parser);
                        parser.nextToken();
                        if (object.has(name)) {
                            findings.add(
                                    Finding.error(
                                            file,
                                            keyAt,
                                            Check.LOAD_003,
                                            "key \""
                                                    + name
                                                    + "\" appears again; it was first given at line "
                                                    + positions.key(child).line()));
                            parser.skipChildren();
                            continue;
                        }
                        positions.putKey(child, keyAt);
                        object.set(name, value(child, depth + 1));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(PositionIndex.child(pointer, index++), depth + 1));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    return number(parser.getText());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    String text = parser.getText();
                    return !yaml || YAML_BOOLEANS.contains(text)
                            ? nodes.booleanNode(token == JsonToken.VALUE_TRUE)
                            : nodes.textNode(text);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default ->
                        throw new IllegalStateException(
                                "unexpected token " + token + " at " + position);
            }
        }

        /**
         * Keeps a YAML 1.1 number that is not a plain decimal ({@code 0x1F}, {@code 1_000}) as
         * written text.
         */
        private JsonNode number(String text) {
            try {
                return nodes.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return nodes.textNode(text);
            }
        }
    }
}
