package org.keizu.model;

/** A short description in the registry's own words, with the source it rests on. */
public record Summary(String text, Passage passage, String source) {}
