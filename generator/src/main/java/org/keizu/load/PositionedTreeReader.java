package org.keizu.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;

/**
 * Builds the tree from the token stream, noting each value's position and each duplicate key.
 *
 * <p>The tree is built token by token, not with a mapper, because a mapper would keep the last of
 * two equal keys silently and forget where each value was written; {@link RecordParser} needs both.
 * Scalars are typed by YAML 1.2's core schema, not YAML 1.1's, so that {@code country: NO} stays
 * the text "NO".
 */
final class PositionedTreeReader {
    /** YAML 1.2 core schema booleans; YAML 1.1's yes/no/on/off stay text. */
    private static final Set<String> YAML_BOOLEANS =
            Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    /** Exact decimals: a number such as {@code 1.50} keeps its trailing zeros, as written. */
    static final JsonNodeFactory NODES = new JsonNodeFactory(true);

    private final JsonParser parser;

    /** The same parser, when it reads YAML: it alone can tell an alias, an anchor or a tag. */
    private final YAMLParser yamlParser;

    private final String file;
    private final boolean yaml;
    private final PositionIndex positions;
    private final List<Finding> findings;

    PositionedTreeReader(
            JsonParser parser,
            String file,
            boolean yaml,
            PositionIndex positions,
            List<Finding> findings) {
        this.parser = parser;
        this.yamlParser = yaml && parser instanceof YAMLParser y ? y : null;
        this.file = file;
        this.yaml = yaml;
        this.positions = positions;
        this.findings = findings;
    }

    /** Where the parser's current token starts. */
    static Position at(JsonParser parser) {
        JsonLocation loc = parser.currentTokenLocation();
        return new Position(loc.getLineNr(), loc.getColumnNr());
    }

    private boolean yamlHazard;

    /**
     * Whether the YAML held what Jackson reads wrongly or the registry refuses: an alias (which
     * Jackson turns into text), an anchor, a tag, or nesting deeper than {@link
     * RecordMapper#MAX_DEPTH}. {@link YamlHazardScan} then names each at its place.
     */
    boolean sawYamlHazard() {
        return yamlHazard;
    }

    private void noteHazards(int depth) throws IOException {
        YAMLParser y = yamlParser;
        if (y != null
                && (y.isCurrentAlias()
                        || y.getObjectId() != null
                        || y.getTypeId() != null
                        || (depth > RecordMapper.MAX_DEPTH
                                && (y.currentToken() == JsonToken.START_OBJECT
                                        || y.currentToken() == JsonToken.START_ARRAY)))) {
            yamlHazard = true;
        }
    }

    /** Reads the value at the parser's current token, and everything nested in it. */
    JsonNode value(String pointer, int depth) throws IOException {
        noteHazards(depth);
        Position position = at(parser);
        positions.putValue(pointer, position);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    noteHazards(depth);
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
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(PositionIndex.child(pointer, index++), depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                String text = parser.getText();
                return !yaml || YAML_BOOLEANS.contains(text)
                        ? NODES.booleanNode(token == JsonToken.VALUE_TRUE)
                        : NODES.textNode(text);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default ->
                    throw new IllegalStateException(
                            "unexpected token " + token + " at " + position);
        }
    }

    /**
     * Keeps a YAML 1.1 number that is not a plain decimal ({@code 0x1F}, {@code 1_000}) as written
     * text.
     */
    static JsonNode number(String text) {
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }
}
