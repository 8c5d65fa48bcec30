package org.keizu.render;

/** Opens the render package's package-private helpers to tests in other packages. */
public final class ViewBuilderAccess {
    private ViewBuilderAccess() {}

    public static String bibtex(String value) {
        return CitationBuilder.bibtex(value);
    }
}
