package org.keizu.render;

/**
 * Fills {@code {{registry-citation}}} in a prose page (the cite page) with the registry's citation
 * in every format, each with its download link: the same texts and files as {@link
 * CitationBuilder#registry} makes, so the page cannot show another citation than the files give.
 */
public final class CitationProse {
    static final String REGISTRY = "{{registry-citation}}";

    private CitationProse() {}

    /**
     * The Markdown with the registry's citation in place of its placeholder; {@code download} is
     * the bundle's word for the download links.
     */
    public static String expand(String markdown, Views.Citation citation, String download) {
        if (!markdown.contains(REGISTRY)) {
            return markdown;
        }
        StringBuilder out = new StringBuilder();
        for (Views.CitationText format : citation.formats()) {
            out.append("**").append(format.label()).append("**\n\n~~~~\n");
            out.append(format.text().strip()).append("\n~~~~\n\n");
            out.append('[')
                    .append(download)
                    .append(" (")
                    .append(format.label())
                    .append(')')
                    .append("](")
                    .append(format.href())
                    .append(")\n\n");
        }
        return markdown.replace(REGISTRY, out.toString().strip());
    }
}
