package org.keizu.render;

/** Opens ViewBuilder's package-private helpers to tests in other packages. */
public final class ViewBuilderAccess {
    private ViewBuilderAccess() {
    }

    public static String bibtex(String value) {
        return ViewBuilder.bibtex(value);
    }
}
