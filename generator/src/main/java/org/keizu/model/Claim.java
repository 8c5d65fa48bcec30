package org.keizu.model;

/** Something a model's makers said about its origin, verbatim, in the original language. */
public record Claim(
        ClaimKind kind,
        String base,
        String quote,
        String language,
        String translation,
        Boolean paraphrased,
        String date,
        String by,
        Passage passage,
        String source,
        String uncertain) {
    public boolean isParaphrased() {
        return Boolean.TRUE.equals(paraphrased);
    }
}
