package org.keizu.site;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.keizu.io.Parallel;

/**
 * Work that depends on each item alone, done on every core a batch at a time and taken in the
 * items' order: the site's bytes never depend on which core finished first, and no more than a
 * batch of results is held at once.
 *
 * <pre>
 *   InOrder.make(pages, Supplier::get, files::accept);
 * </pre>
 */
final class InOrder {
    /** Items made at once: enough to keep every core busy, few enough to hold their results. */
    static final int BATCH = 64;

    private InOrder() {}

    /** What takes each result, in order; may fail the build. */
    interface Taker<R> {
        void take(R result) throws IOException;
    }

    /** {@code make} of each item on every core, each result handed to {@code taker} in order. */
    static <T, R> void make(List<T> items, Function<T, R> make, Taker<R> taker) throws IOException {
        for (int start = 0; start < items.size(); start += BATCH) {
            List<R> made =
                    Parallel.map(items.subList(start, Math.min(items.size(), start + BATCH)), make);
            for (R result : made) {
                taker.take(result);
            }
        }
    }
}
