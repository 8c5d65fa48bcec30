package org.keizu.model;

/** Where a fact comes from. Records cite sources by {@link #id()}. */
public record Source(
        String id,
        String title,
        String publisher,
        String url,
        String archived,
        String published,
        String accessed,
        String language,
        String kind,
        String uncertain) {}
