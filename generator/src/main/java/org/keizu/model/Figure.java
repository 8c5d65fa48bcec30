package org.keizu.model;

/**
 * A figure that a source reports about weights (a similarity, a correlation, an equal hash), kept
 * as the source states it: shown as reported, never as the registry's own measurement.
 *
 * @param measure what was measured: {@code cosine-similarity}, {@code pearson-correlation} or
 *     {@code sha256-equal}
 * @param value the value as the source gives it ({@code 0.989}, {@code >0.995}, {@code equal})
 */
public record Figure(String measure, String value) {}
