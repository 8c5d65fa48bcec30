package org.keizu.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keizu.load.RecordVersions;
import org.keizu.model.Model;
import org.keizu.render.CitationFormats.Format;
import org.keizu.render.Views.Citation;
import org.keizu.render.Views.CitationText;

/**
 * How to cite an evidence page or the registry: one {@link CitationItem} each, and every format
 * made from it by {@link CitationFormats}.
 *
 * <p>A record's citation names a version ({@link RecordVersions}) and gives that version's own
 * address, which shows the record as it then stood for as long as the site exists; citing the
 * record again after an edit names the new version and its address. A build without the record's
 * history (outside git, or a shallow clone), or with an edit not yet committed, cannot name one:
 * its citation names no version, gives the record's page and is dated by the record's review.
 */
public final class CitationBuilder {
    private final Messages messages;
    private final SitePaths paths;

    /** The pages' own language: a page's canonical address is its own, never another edition's. */
    private final SitePaths pages;

    private final String origin;
    private final String datasetDate;
    private final CitationFormats formats;

    CitationBuilder(ViewContext context) {
        this(context.site);
    }

    private CitationBuilder(Views.SiteView site) {
        this.messages = new Messages(site.msg());
        this.paths = new SitePaths(site.baseUrl());
        this.pages = site.paths();
        this.origin = site.origin();
        this.datasetDate = site.datasetDate();
        this.formats = new CitationFormats(messages.format("citation_accessed_placeholder"));
    }

    /** The registry as a whole: its home page, dated and versioned by the data set's date. */
    public static Citation registry(Views.SiteView site) {
        CitationBuilder builder = new CitationBuilder(site);
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
                item.url(),
                builder.messages.format("citation_registry_version", builder.datasetDate),
                SitePaths::registryCite);
    }

    /**
     * The citation of one version of a record, or, with none ({@code version} empty), of its page
     * as this build shows it. Addresses are absolute when the build knows the site's origin
     * (--origin), else paths under the site.
     */
    Citation citation(Model model, Optional<RecordVersions.Version> version) {
        String issued = version.map(RecordVersions.Version::date).orElse(model.reviewed());
        String number = version.map(v -> Integer.toString(v.number())).orElse(null);
        String page = SitePaths.model(model.id());
        String cited =
                version.map(v -> SitePaths.modelVersion(model.id(), v.number())).orElse(page);
        CitationItem item =
                new CitationItem(
                        "keizu-"
                                + model.id().replace('.', '-')
                                + version.map(v -> "-v" + v.number()).orElse(""),
                        "dataset",
                        messages.format("citation_title", model.name()),
                        messages.format("citation_author"),
                        messages.format("citation_publisher"),
                        origin + paths.href(cited),
                        issued,
                        number);
        String note =
                number == null
                        ? messages.format("citation_no_version", issued)
                        : messages.format("citation_version", number, issued);
        return citation(item, origin + pages.href(page), note, file -> cited + file);
    }

    private Citation citation(
            CitationItem item,
            String canonical,
            String note,
            java.util.function.Function<String, String> path) {
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
                canonical,
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
