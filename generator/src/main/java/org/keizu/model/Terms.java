package org.keizu.model;

import java.util.function.Function;

/** Maps a vocabulary term back to its enum constant; the schema has already checked the term. */
final class Terms {
    private Terms() {}

    static <E extends Enum<E>> E find(E[] values, Function<E, String> term, String wanted) {
        for (E value : values) {
            if (term.apply(value).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown term \"" + wanted + "\"");
    }
}
