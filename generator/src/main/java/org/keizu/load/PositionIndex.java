package org.keizu.load;

import java.util.HashMap;
import java.util.Map;
import org.keizu.diagnostic.Position;

/**
 * Where each value of a record stands in its file, keyed by JSON pointer ({@code /lineage/0/base}).
 * Kept beside the record rather than inside it, so that the model stays plain.
 */
public final class PositionIndex {
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();

    void putValue(String pointer, Position position) {
        values.putIfAbsent(pointer, position);
    }

    void putKey(String pointer, Position position) {
        keys.putIfAbsent(pointer, position);
    }

    /** The value at {@code pointer}, or the nearest enclosing value that has a position. */
    public Position value(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            Position found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Position.WHOLE_FILE;
            }
        }
    }

    /** The key of the member at {@code pointer} (for "unknown field" findings), else its value. */
    public Position key(String pointer) {
        Position found = keys.get(pointer);
        return found != null ? found : value(pointer);
    }

    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
