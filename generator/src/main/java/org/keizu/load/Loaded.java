package org.keizu.load;

import org.keizu.diagnostic.Position;

/**
 * A bound record together with the file it came from, so that checks can point at its values.
 *
 * @param <T> {@link org.keizu.model.Model}, {@link org.keizu.model.Organisation} or {@link
 *     org.keizu.model.Programme}
 */
public record Loaded<T>(T record, ParsedRecord source) {
    public String file() {
        return source.displayPath();
    }

    /** The position of the value at a JSON pointer such as {@code /lineage/0/base}. */
    public Position at(String pointer) {
        return source.positions().value(pointer);
    }
}
