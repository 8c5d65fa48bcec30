package org.keizu.model;

/** Evidence grades E0 to E4; see {@code data/vocab/grades.yaml}. */
public enum Grade {
    E0,
    E1,
    E2,
    E3,
    E4;

    public boolean atLeast(Grade other) {
        return compareTo(other) >= 0;
    }
}
