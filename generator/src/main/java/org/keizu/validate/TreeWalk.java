package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.keizu.load.PositionIndex;

/** Visits every text value of a record tree with its JSON pointer and the name of its field. */
final class TreeWalk {
    private TreeWalk() {}

    /**
     * Receives one text value; {@code field} is the nearest field name (for list items, the
     * list's).
     */
    interface TextVisitor {
        void visit(String pointer, String field, String text);
    }

    /**
     * The node if it is a list, else an empty one: a record that failed its schema is still
     * checked, and may hold a mapping or a text where a list belongs.
     */
    static JsonNode list(JsonNode node) {
        return node.isArray()
                ? node
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static void texts(JsonNode tree, TextVisitor visitor) {
        walk(tree, "", "", visitor);
    }

    private static void walk(JsonNode node, String pointer, String field, TextVisitor visitor) {
        if (node.isTextual()) {
            visitor.visit(pointer, field, node.asText());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getKey()
                        .equals("equals")) { // copied verbatim from a snapshot, checked there
                    walk(
                            member.getValue(),
                            PositionIndex.child(pointer, member.getKey()),
                            member.getKey(),
                            visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), PositionIndex.child(pointer, i), field, visitor);
            }
        }
    }
}
