package org.keizu.diagnostic;

/** A 1-based line and column in a record file; {@link #WHOLE_FILE} when none applies. */
public record Position(int line, int column) {
    public static final Position WHOLE_FILE = new Position(0, 0);
}
