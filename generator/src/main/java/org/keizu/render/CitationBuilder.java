package org.keizu.render;

import org.keizu.model.Model;
import org.keizu.render.Views.Citation;

/** How to cite an evidence page: its permanent address, a text citation and a BibTeX entry. */
final class CitationBuilder {
    private final ViewContext context;

    CitationBuilder(ViewContext context) {
        this.context = context;
    }

    /**
     * The permanent address is absolute when the build knows the site's origin (--origin), else the
     * path under the site. The year is that of the record's review.
     */
    Citation citation(Model model) {
        Messages messages = context.messages;
        String permalink = context.site.origin() + context.paths.href(SitePaths.model(model.id()));
        String datasetDate = context.site.datasetDate();
        String title = messages.format("citation_title", model.name());
        String text =
                messages.format("citation_text", title, model.reviewed(), datasetDate, permalink);
        String year = model.reviewed().substring(0, 4);
        String bibtex =
                "@misc{keizu-"
                        + model.id().replace('.', '-')
                        + ",\n"
                        + "  author       = {{"
                        + bibtex(messages.format("citation_author"))
                        + "}},\n"
                        + "  title        = {"
                        + bibtex(title)
                        + "},\n"
                        + "  howpublished = {"
                        + bibtex(messages.format("citation_howpublished"))
                        + "},\n"
                        + "  year         = {"
                        + year
                        + "},\n"
                        + "  note         = {"
                        + bibtex(messages.format("citation_note", model.reviewed(), datasetDate))
                        + "},\n"
                        + "  url          = {"
                        + permalink
                        + "}\n"
                        + "}";
        return new Citation(permalink, title, text, bibtex, model.reviewed());
    }

    /** Escapes the characters BibTeX treats as commands or groups. */
    static String bibtex(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
