package org.keizu.model;

/**
 * One entry of a controlled vocabulary in {@code data/vocab/}. {@code derivation} is given for
 * relations; {@code comparesAs} and {@code source} for architecture classes (the class the detector
 * compares it as, and where that is documented); {@code thresholds} for the findings of a weights
 * comparison (the numbers that decide each).
 */
public record Term(
        String term,
        String label,
        String meaning,
        Boolean derivation,
        String comparesAs,
        String source,
        java.util.Map<String, Double> thresholds) {
    public Term {
        thresholds = thresholds == null ? java.util.Map.of() : java.util.Map.copyOf(thresholds);
    }
}
