package org.keizu.diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings from every phase; reads them back sorted, so output never depends on order of
 * work.
 */
public final class Findings {
    private final List<Finding> all = new ArrayList<>();

    public void add(Finding finding) {
        all.add(finding);
    }

    public void addAll(List<Finding> findings) {
        all.addAll(findings);
    }

    public void error(String file, Position at, Check check, String message) {
        all.add(Finding.error(file, at, check, message));
    }

    public void warning(String file, Position at, Check check, String message) {
        all.add(Finding.warning(file, at, check, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Finding::isError);
    }

    public long errorCount() {
        return all.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return all.size() - errorCount();
    }

    /** Sorted by file, line, column and code, without exact duplicates. */
    public List<Finding> sorted() {
        return all.stream().distinct().sorted().toList();
    }
}
