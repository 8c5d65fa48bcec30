package org.keizu.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.keizu.load.Loaded;
import org.keizu.load.RecordHistory;
import org.keizu.model.Model;
import org.keizu.render.CitationFormats.Format;
import org.keizu.render.Views.Citation;
import org.keizu.render.Views.CitationText;

/**
 * How to cite an evidence page or the registry: one {@link CitationItem} each, and every format
 * made from it by {@link CitationFormats}.
 *
 * <p>A record's version is the number of commits that changed its file, dated by the newest. A
 * build without the record's history (outside git, or a shallow clone) cannot count them: its
 * citation names no version and is dated by the record's review.
 */
public final class CitationBuilder {
    private final Messages messages;
    private final SitePaths paths;
    private final String origin;
    private final String datasetDate;
    private final RecordHistory history;
    private final CitationFormats formats;
    private final Map<Model, Loaded<Model>> files = new IdentityHashMap<>();

    CitationBuilder(ViewContext context) {
        this(context.site, context.history);
        for (Loaded<Model> loaded : context.registry.models()) {
            files.put(loaded.record(), loaded);
        }
    }

    private CitationBuilder(Views.SiteView site, RecordHistory history) {
        this.messages = new Messages(site.msg());
        this.paths = new SitePaths(site.baseUrl());
        this.origin = site.origin();
        this.datasetDate = site.datasetDate();
        this.history = history;
        this.formats = new CitationFormats(messages.format("citation_accessed_placeholder"));
    }

    /** The registry as a whole: its home page, dated and versioned by the data set's date. */
    public static Citation registry(Views.SiteView site) {
        CitationBuilder builder = new CitationBuilder(site, RecordHistory.none());
        CitationItem item =
                new CitationItem(
                        "keizu",
                        "dataset",
                        builder.messages.format("citation_registry_title"),
                        builder.messages.format("citation_author"),
                        builder.messages.format("citation_publisher"),
                        builder.origin + builder.paths.href(""),
                        builder.datasetDate,
                        builder.datasetDate);
        return builder.citation(
                item,
                builder.messages.format("citation_registry_version", builder.datasetDate),
                SitePaths::registryCite);
    }

    /**
     * The permanent address is absolute when the build knows the site's origin (--origin), else the
     * path under the site.
     */
    Citation citation(Model model) {
        Loaded<Model> loaded = files.get(model);
        List<RecordHistory.Revision> revisions =
                loaded == null ? List.of() : history.of(loaded.source().file());
        String issued = revisions.isEmpty() ? model.reviewed() : revisions.get(0).date();
        String version = revisions.isEmpty() ? null : Integer.toString(revisions.size());
        CitationItem item =
                new CitationItem(
                        "keizu-" + model.id().replace('.', '-'),
                        "dataset",
                        messages.format("citation_title", model.name()),
                        messages.format("citation_author"),
                        messages.format("citation_publisher"),
                        origin + paths.href(SitePaths.model(model.id())),
                        issued,
                        version);
        String note =
                version == null
                        ? messages.format("citation_no_version", issued)
                        : messages.format("citation_version", version, issued);
        return citation(item, note, file -> SitePaths.modelCite(model.id(), file));
    }

    private Citation citation(
            CitationItem item, String note, java.util.function.Function<String, String> path) {
        List<CitationText> texts = new ArrayList<>();
        formats.all(item)
                .forEach(
                        (format, text) ->
                                texts.add(
                                        new CitationText(
                                                format.key,
                                                messages.format("citation_format_" + format.key),
                                                text,
                                                path.apply(format.file),
                                                paths.href(path.apply(format.file)),
                                                format.file)));
        return new Citation(
                item.url(),
                item.title(),
                item.issued(),
                item.version(),
                note,
                messages.format("citation_accessed_placeholder"),
                List.copyOf(texts));
    }

    /** The format's text by its key ({@link Format#key}). */
    static String text(Citation citation, Format format) {
        return citation.formats().stream()
                .filter(t -> t.key().equals(format.key))
                .findFirst()
                .orElseThrow()
                .text();
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
