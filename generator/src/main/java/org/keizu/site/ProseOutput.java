package org.keizu.site;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.keizu.load.ProsePages;
import org.keizu.render.CitationBuilder;
import org.keizu.render.CitationProse;
import org.keizu.render.GeneratedProse;
import org.keizu.render.MarkdownRenderer;
import org.keizu.render.SitePaths;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;

/**
 * The prose pages of one language's site (about, methodology, contribute, cite, open data), the
 * glossary and the search page; with the English site, the registry's own citation files.
 */
final class ProseOutput {
    private ProseOutput() {}

    /**
     * The registry's own citation files, then the prose pages from {@code data/pages/} with their
     * generated parts (the registry's citation, the methodology tables, repository links) expanded.
     */
    static void render(
            ViewBuilder views,
            List<SitePlan.ProseSource> sources,
            PageFrame frame,
            SitePlan.Sink files,
            boolean citationFiles)
            throws IOException {
        Views.Citation registryCitation = CitationBuilder.registry(views.site());
        if (citationFiles) {
            for (OutputFile file : SitePlan.citationFiles(registryCitation)) {
                files.accept(file);
            }
        }
        boolean translated = !views.site().language().english();
        MarkdownRenderer markdown = new MarkdownRenderer();
        GeneratedProse generated = views.generatedProse();
        // The generated parts (methodology tables, repository links) expanded, then Markdown.
        java.util.function.Function<String, String> html =
                source -> markdown.render(frame.repositoryLinks(generated.expand(source)));
        for (SitePlan.ProseSource source : sources) {
            ProsePages.Page p = source.page();
            String text = translated ? sharedLinks(p.markdown()) : p.markdown();
            Optional<CitationProse.Parts> parts = CitationProse.split(text);
            files.accept(
                    frame.page(
                            SitePaths.prose(p.slug()),
                            "prose.ftlh",
                            new Views.ProsePage(
                                    views.site(),
                                    p.slug(),
                                    p.title(),
                                    html.apply(parts.map(CitationProse.Parts::before).orElse(text)),
                                    parts.isPresent() ? registryCitation : null,
                                    parts.map(CitationProse.Parts::after).map(html).orElse(null),
                                    source.untranslated()),
                            p.title()));
        }
        files.accept(
                frame.page(
                        SitePaths.GLOSSARY,
                        "glossary.ftlh",
                        views.glossary(),
                        frame.fixed("glossary_title")));
        files.accept(
                frame.page(
                        SitePaths.SEARCH,
                        "search.ftlh",
                        views.searchPage(),
                        frame.fixed("search_title")));
    }

    private static final java.util.regex.Pattern RELATIVE_LINK =
            java.util.regex.Pattern.compile("\\]\\(\\.\\./([^)\\s#]*)");

    /**
     * A prose page shown in a language's folder: its relative links to files the languages share
     * ({@code ../data/registry.json}) reach one folder further up, to the English site's root;
     * links to pages ({@code ../methodology/}) stay in the language's folder.
     */
    static String sharedLinks(String markdown) {
        return RELATIVE_LINK
                .matcher(markdown)
                .replaceAll(
                        m ->
                                java.util.regex.Matcher.quoteReplacement(
                                        SitePaths.isPage(m.group(1))
                                                ? m.group()
                                                : "](../../" + m.group(1)));
    }
}
