package org.keizu.lineage;

/**
 * The registry's verdict on a model, computed from its claims, lineage and disputes, never typed
 * in. Terms and their meaning are in {@code data/vocab/verdicts.yaml}.
 */
public enum Verdict {
    CONSISTENT("consistent"),
    DISCLOSED_AFTER_THE_FACT("disclosed-after-the-fact"),
    UNDISCLOSED_DERIVATION("undisclosed-derivation"),
    CLAIM_REFUTED("claim-refuted"),
    COMPONENT_REUSE("component-reuse"),
    CONTESTED("contested"),
    CLEARED("cleared"),
    NO_BASE_FOUND("no-base-found"),
    NOT_EXAMINED("not-examined");

    private final String term;

    /**
     * @param term the term in data/vocab/verdicts.yaml, where its label and meaning live
     */
    Verdict(String term) {
        this.term = term;
    }

    public String term() {
        return term;
    }
}
