package org.keizu.lineage;

/**
 * How much a config field says about lineage (research/cases.md §2.1). A match in tier A says the
 * models share code; only tier B, the exact shape, is necessary for sharing weights. In words, each
 * is the bundle's {@code tier_label_<tier>}.
 */
public enum Tier {
    /** The architecture class. */
    A,
    /** The exact shape. */
    B,
    /** Hyper-parameters. */
    C,
    /** Token ids and packaging. */
    D
}
