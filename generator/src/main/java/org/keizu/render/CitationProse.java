package org.keizu.render;

import java.util.Optional;

/**
 * Where the registry's citation goes in a prose page (the cite page): the placeholder {@code
 * {{registry-citation}}} marks the place, and the page shows there the same citation box as every
 * evidence page, made from {@link CitationBuilder#registry}, so the page cannot show another
 * citation than the files give.
 */
public final class CitationProse {
    static final String REGISTRY = "{{registry-citation}}";

    private CitationProse() {}

    /** The Markdown before and after the citation's place. */
    public record Parts(String before, String after) {}

    /** The page cut at the citation's place; empty when the page has none. */
    public static Optional<Parts> split(String markdown) {
        int at = markdown.indexOf(REGISTRY);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(
                new Parts(
                        markdown.substring(0, at),
                        markdown.substring(at + REGISTRY.length()).replace(REGISTRY, "")));
    }
}
