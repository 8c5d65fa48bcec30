package org.keizu.model;

/**
 * Something a party said, printed verbatim (or marked as paraphrased when no wording was
 * available).
 */
public record Statement(
        String date,
        String by,
        String text,
        String language,
        String translation,
        Boolean paraphrased,
        Passage passage,
        String source,
        String uncertain) {
    public boolean isParaphrased() {
        return Boolean.TRUE.equals(paraphrased);
    }
}
