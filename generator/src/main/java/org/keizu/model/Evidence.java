package org.keizu.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One piece of evidence for a lineage link. Config evidence may point into a snapshot ({@code
 * snapshot}, {@code pointer}, {@code equals}) so that the build can check it. {@code translations}
 * holds the registry's own translations of the summary by language ({@code ja}, {@code ko}); {@code
 * figures} the figures a source reports about weights, shown as reported.
 */
public record Evidence(
        String kind,
        String summary,
        Passage passage,
        String date,
        String source,
        String snapshot,
        String pointer,
        JsonNode equals,
        String uncertain,
        java.util.Map<String, String> translations,
        java.util.List<Figure> figures) {
    public Evidence {
        figures = Lists.copy(figures);
        translations =
                translations == null ? java.util.Map.of() : java.util.Map.copyOf(translations);
    }
}
