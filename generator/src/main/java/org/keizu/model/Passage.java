package org.keizu.model;

/**
 * The words of a source that support a fact, copied verbatim, so that a reader can check the fact
 * without opening the link (Wikipedia's {@code quote=}). {@code language} is given only when it
 * differs from the source's; {@code translation} is the registry's own, and the site marks it so.
 */
public record Passage(String text, String language, String translation) {}
