package org.keizu.render;

/** Opens the render package's package-private helpers to tests in other packages. */
public final class RenderAccess {
    private RenderAccess() {}

    public static String bibtex(String value) {
        return CitationBuilder.bibtex(value);
    }
}
