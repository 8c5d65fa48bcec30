package org.keizu.model;

import java.util.List;

/** Absent lists become empty ones, so that records never hold null collections. */
final class Lists {
    private Lists() {}

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
