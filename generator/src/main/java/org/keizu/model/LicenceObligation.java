package org.keizu.model;

/** A duty the base's licence puts on derivatives, and whether (and when) the model met it. */
public record LicenceObligation(
        String base,
        String requires,
        String met,
        String metOn,
        Passage passage,
        String source,
        String uncertain) {}
