package org.keizu.model;

/** A dated note of what was corrected in a record, so readers can see how it changed. */
public record Correction(String date, String what) {}
