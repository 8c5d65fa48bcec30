package org.keizu.diagnostic;

import java.util.Comparator;

/**
 * One problem in the data, pointing at the file, line and column where it is.
 *
 * <p>Printed as {@code data/models/x.yaml:12:3: error [REF-002 unknown-base] message}. Line and
 * column are 1-based; 0 means the finding concerns the whole file.
 */
public record Finding(
        String file, int line, int column, Severity severity, Check check, String message)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::file)
                    .thenComparingInt(Finding::line)
                    .thenComparingInt(Finding::column)
                    .thenComparing(Finding::check)
                    .thenComparing(Finding::message);

    public static Finding error(String file, Position at, Check check, String message) {
        return new Finding(file, at.line(), at.column(), Severity.ERROR, check, message);
    }

    public static Finding warning(String file, Position at, Check check, String message) {
        return new Finding(file, at.line(), at.column(), Severity.WARNING, check, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
