package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.keizu.load.PositionIndex;

/** Visits every text value of a record tree with its location and the name of its field. */
final class TreeWalk {
    private TreeWalk() {}

    /**
     * Receives one text value; {@code field} is the nearest field name (for list items, the
     * list's).
     */
    interface TextVisitor {
        void visit(Location location, String field, String text);
    }

    /**
     * Where a value sits in its record. Every text of every record is visited, and a check needs
     * the value's JSON pointer only for the few it reports or recognises by more than their field
     * name: so the pointer is spelled only when asked.
     */
    static final class Location {
        private static final Location ROOT = new Location(null, null, -1);

        private final Location parent;

        /** The member's name, or null for a list item. */
        private final String name;

        private final int index;

        private Location(Location parent, String name, int index) {
            this.parent = parent;
            this.name = name;
            this.index = index;
        }

        /** The JSON pointer, such as {@code /lineage/0/base}. */
        String pointer() {
            if (parent == null) {
                return "";
            }
            String above = parent.pointer();
            return name != null
                    ? PositionIndex.child(above, name)
                    : PositionIndex.child(above, index);
        }

        /** Whether the value lies within the record's top-level field {@code field}. */
        boolean within(String field) {
            Location top = this;
            while (top.parent != null && top.parent.parent != null) {
                top = top.parent;
            }
            return top.parent != null && field.equals(top.name);
        }

        @Override
        public String toString() {
            return pointer();
        }
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
        walk(tree, Location.ROOT, "", visitor);
    }

    private static void walk(JsonNode node, Location location, String field, TextVisitor visitor) {
        if (node.isTextual()) {
            visitor.visit(location, field, node.asText());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getKey()
                        .equals("equals")) { // copied verbatim from a snapshot, checked there
                    walk(
                            member.getValue(),
                            new Location(location, member.getKey(), -1),
                            member.getKey(),
                            visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), new Location(location, null, i), field, visitor);
            }
        }
    }
}
