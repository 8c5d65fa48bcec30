package org.keizu.lineage;

/**
 * How much a config field says about lineage (research/cases.md §2.1). A match in tier A says the
 * models share code; only tier B, the exact shape, is necessary for sharing weights.
 */
public enum Tier {
    A("architecture class"),
    B("shape"),
    C("hyper-parameter"),
    D("token ids and packaging");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
