package org.keizu.diagnostic;

/** How bad a finding is. Any {@link #ERROR} fails validation and stops the build. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
