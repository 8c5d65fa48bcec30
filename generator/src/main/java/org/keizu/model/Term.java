package org.keizu.model;

/** One entry of a controlled vocabulary in {@code data/vocab/}. */
public record Term(String term, String label, String meaning, Boolean derivation) {}
