package org.keizu.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a claim says about origin. The terms and their meaning are in {@code
 * data/vocab/claim-kinds.yaml}.
 */
public enum ClaimKind {
    FROM_SCRATCH("from-scratch"),
    NAMES_BASE("names-base"),
    NAMES_ARCHITECTURE("names-architecture"),
    VAGUE("vague"),
    NONE("none");

    private final String term;

    ClaimKind(String term) {
        this.term = term;
    }

    @JsonValue
    public String term() {
        return term;
    }

    @JsonCreator
    public static ClaimKind of(String term) {
        return Terms.find(values(), ClaimKind::term, term);
    }
}
