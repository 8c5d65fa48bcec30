package org.keizu.load;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.keizu.diagnostic.Position;

/**
 * Where each value of a record stands in its file, keyed by JSON pointer ({@code /lineage/0/base}).
 * Kept beside the record rather than inside it, so that the model stays plain.
 *
 * <p>An index can be released ({@link #release}) once its record has loaded: a position is needed
 * only for a finding, and a registry of 30,000 records held some seven million of them, most of its
 * memory. A released index reads its file again the first time a finding asks where a value is.
 */
public final class PositionIndex {
    private Map<String, Position> values = new HashMap<>();
    private Map<String, Position> keys = new HashMap<>();

    /** Reads the positions again; set while the index is released. */
    private Supplier<PositionIndex> reread;

    void putValue(String pointer, Position position) {
        values.putIfAbsent(pointer, position);
    }

    void putKey(String pointer, Position position) {
        keys.putIfAbsent(pointer, position);
    }

    /**
     * Forgets the positions until one is asked for; {@code reread} then makes them again (from the
     * file as it is on disk: an index of anything else must not be released).
     */
    public synchronized void release(Supplier<PositionIndex> reread) {
        this.reread = reread;
        values = null;
        keys = null;
    }

    private synchronized void ensure() {
        if (values == null) {
            PositionIndex again = reread.get();
            again.ensure();
            values = again.values;
            keys = again.keys;
        }
    }

    /** Whether {@code other} holds the same positions for the same values and keys. */
    synchronized boolean samePositions(PositionIndex other) {
        ensure();
        other.ensure();
        return values.equals(other.values) && keys.equals(other.keys);
    }

    /** The value at {@code pointer}, or the nearest enclosing value that has a position. */
    public Position value(String pointer) {
        ensure();
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
        ensure();
        Position found = keys.get(pointer);
        return found != null ? found : value(pointer);
    }

    public static String child(String pointer, String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return pointer + "/" + name; // nearly every field name: nothing to escape
        }
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
