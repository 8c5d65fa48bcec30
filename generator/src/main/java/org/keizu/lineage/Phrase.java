package org.keizu.lineage;

import java.util.List;

/**
 * A sentence the site shows, named by its key in the message bundle ({@code
 * templates/messages.properties}) with the values for its {0}, {1} placeholders. Decisions are made
 * here; wording lives in the bundle, so that a translation never touches Java.
 */
public record Phrase(String key, List<String> args) {
    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, String... args) {
        return new Phrase(key, List.of(args));
    }
}
