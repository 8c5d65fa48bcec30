package org.keizu.model;

/**
 * One entry of a controlled vocabulary in {@code data/vocab/}. {@code derivation} is given for
 * relations; {@code comparesAs} and {@code source} for architecture classes (the class the detector
 * compares it as, and where that is documented).
 */
public record Term(
        String term,
        String label,
        String meaning,
        Boolean derivation,
        String comparesAs,
        String source) {}
