package org.keizu.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a model relates to a base. The line that matters most in the registry runs here: {@link
 * #ARCHITECTURE_ONLY} means "uses the architecture of", and is never a derivation.
 */
public enum Relation {
    FINE_TUNE("fine-tune", true),
    CONTINUED_PRETRAINING("continued-pretraining", true),
    DISTILLATION("distillation", true),
    COMPONENT("component", false),
    TOKENIZER("tokenizer", false),
    ARCHITECTURE_ONLY("architecture-only", false);

    private final String term;
    private final boolean derivesWeights;

    Relation(String term, boolean derivesWeights) {
        this.term = term;
        this.derivesWeights = derivesWeights;
    }

    @JsonValue
    public String term() {
        return term;
    }

    /** True when the model's own weights come from the base's: a derivation in the strict sense. */
    public boolean derivesWeights() {
        return derivesWeights;
    }

    /**
     * True when something of the base's, weights or files, was reused; false for architecture only.
     */
    public boolean reusesArtefacts() {
        return this != ARCHITECTURE_ONLY;
    }

    @JsonCreator
    public static Relation of(String term) {
        return Terms.find(values(), Relation::term, term);
    }
}
