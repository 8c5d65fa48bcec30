package org.keizu.model;

import java.util.Map;

/**
 * A short description in the registry's own words, with the source it rests on; {@code
 * translations} holds the registry's own translations of the text by language ({@code ja}, {@code
 * ko}), none when absent.
 */
public record Summary(
        String text, Passage passage, String source, Map<String, String> translations) {
    public Summary {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }
}
