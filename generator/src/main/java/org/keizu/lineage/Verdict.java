package org.keizu.lineage;

/**
 * The registry's verdict on a model, computed from its claims, lineage and disputes, never typed in.
 * Terms and their meaning are in {@code data/vocab/verdicts.yaml}.
 */
public enum Verdict {
    CONSISTENT("consistent", "Consistent"),
    DISCLOSED_AFTER_THE_FACT("disclosed-after-the-fact", "Disclosed after the fact"),
    UNDISCLOSED_DERIVATION("undisclosed-derivation", "Undisclosed derivation"),
    CLAIM_REFUTED("claim-refuted", "Claim refuted"),
    COMPONENT_REUSE("component-reuse", "Component reuse"),
    CONTESTED("contested", "Contested"),
    CLEARED("cleared", "Cleared"),
    NO_BASE_FOUND("no-base-found", "No base found"),
    NOT_EXAMINED("not-examined", "Not examined");

    private final String term;
    private final String label;

    Verdict(String term, String label) {
        this.term = term;
        this.label = label;
    }

    public String term() {
        return term;
    }

    public String label() {
        return label;
    }
}
