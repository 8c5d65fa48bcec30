package org.keizu.model;

import java.util.List;

/** What the artefacts show about one base: the relation, how sure we are, and why. */
public record LineageLink(
        String base,
        Relation relation,
        Grade grade,
        String component,
        String uncertain,
        List<Evidence> evidence) {
    public LineageLink {
        evidence = Lists.copy(evidence);
    }
}
