package org.keizu.model;

/** A dated event with its source. */
public record TimelineEvent(
        String date, String event, Passage passage, String source, String uncertain) {}
