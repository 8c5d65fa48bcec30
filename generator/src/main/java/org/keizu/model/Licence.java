package org.keizu.model;

/** The licence the makers declare, as an SPDX id. */
public record Licence(String declared, String name, String source) {}
