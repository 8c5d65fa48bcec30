package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A record's parsed tree, which the registry can let go of once the checks have read it: the pages
 * are rendered from the bound records, and only the open data reads the tree again, once per
 * record. At 30,000 records the trees were some 230 MB of a build that must fit in 512 MB.
 *
 * <p>A released tree is made again from the file at each use and not kept, so memory does not grow
 * back as the open data is written. Whoever arranges the release ({@link #rereadWith}) makes sure
 * the file still holds what was checked.
 */
public final class RecordTree {
    private volatile JsonNode tree;
    private volatile Supplier<JsonNode> reread;

    public RecordTree(JsonNode tree) {
        this.tree = tree;
    }

    /** The tree, read again from the file if it was released. */
    public JsonNode get() {
        JsonNode held = tree;
        return held != null || reread == null ? held : reread.get();
    }

    /** How to make the tree again; until {@link #release} the tree is kept. */
    public void rereadWith(Supplier<JsonNode> again) {
        this.reread = Objects.requireNonNull(again, "again");
    }

    /** Lets go of the tree, if it can be read again; else keeps it. */
    public void release() {
        if (reread != null) {
            tree = null;
        }
    }
}
