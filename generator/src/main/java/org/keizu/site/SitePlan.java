package org.keizu.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keizu.load.ProsePages;
import org.keizu.render.Language;
import org.keizu.render.MachineMetadata;
import org.keizu.render.Messages;
import org.keizu.render.RepositoryLinks;
import org.keizu.render.SitePaths;
import org.keizu.render.TemplateRenderer;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;

/**
 * Decides which files the site has and renders them one at a time, handing each to a sink as soon
 * as it is rendered (the staging folder of {@link SiteWriter}), so memory does not grow with the
 * registry. Nothing here touches the output folder itself.
 *
 * <pre>
 *   SitePlan plan = new SitePlan(renderer, templateDir, ShareImages.DRAWN);
 *   plan.render(editions, staging::write); // an Edition per language: its ViewBuilder and prose pages
 * </pre>
 */
public final class SitePlan {
    private final TemplateRenderer renderer;
    private final Path templateDir;
    private final SiteAssets assets;
    private final ShareImages images;

    /** A plan that takes its share images from {@code images} (kept between rebuilds, or drawn). */
    public SitePlan(TemplateRenderer renderer, Path templateDir, ShareImages images) {
        this.renderer = renderer;
        this.templateDir = templateDir;
        this.assets = new SiteAssets(templateDir);
        this.images = images;
    }

    /**
     * What every page of {@code language} shares: as above, with that language's bundle, its
     * folder's links, and the dataset's date and the count of models written as it writes them.
     */
    public Views.SiteView siteView(
            Language language,
            String baseUrl,
            String origin,
            String datasetDate,
            int modelCount,
            List<ProsePages.Page> pages,
            Optional<RepositoryLinks> repository) {
        Map<String, String> msg = Messages.bundle(templateDir, language);
        SitePaths paths = new SitePaths(baseUrl, language.folder());
        List<Views.Link> nav = new ArrayList<>();
        nav.add(new Views.Link(msg.get("nav_models"), paths.href("")));
        nav.add(new Views.Link(msg.get("nav_countries"), paths.href(SitePaths.COUNTRIES)));
        nav.add(new Views.Link(msg.get("nav_bases"), paths.href(SitePaths.BASES)));
        for (String slug : List.of("about", "methodology", "contribute", "cite")) {
            pages.stream()
                    .filter(p -> p.slug().equals(slug))
                    .findFirst()
                    .ifPresent(
                            p ->
                                    nav.add(
                                            new Views.Link(
                                                    msg.getOrDefault("nav_" + slug, p.title()),
                                                    paths.href(SitePaths.prose(slug)))));
        }
        Views.SiteHrefs href =
                new Views.SiteHrefs(
                        paths.href(""),
                        paths.href(SitePaths.COUNTRIES),
                        paths.href(SitePaths.BASES),
                        paths.href(SitePaths.SEARCH),
                        paths.href(SitePaths.searchIndex(language)),
                        paths.href(SitePaths.REGISTRY_JSON),
                        paths.href(SitePaths.REGISTRY_CSV),
                        paths.href(assets.css.path()),
                        paths.href(assets.filterScript.path()),
                        paths.href(assets.searchScript.path()),
                        paths.href(assets.icon.path()),
                        repository.map(RepositoryLinks::home).orElse(null),
                        baseUrl,
                        paths.href(SitePaths.GLOSSARY));
        return new Views.SiteView(
                baseUrl,
                origin,
                href,
                datasetDate,
                modelCount,
                msg,
                nav,
                language,
                language.code(),
                language.date(datasetDate),
                language.number(modelCount));
    }

    /** Where rendered files go, one at a time. */
    public interface Sink {
        void accept(OutputFile file) throws IOException;
    }

    /**
     * A prose page as one language shows it: its translation, or the English page marked {@code
     * untranslated}.
     */
    public record ProseSource(ProsePages.Page page, boolean untranslated) {}

    /**
     * One language's pages: the views built with its {@link Views.SiteView}, and its prose pages,
     * one for each English page in the English order.
     */
    public record Edition(ViewBuilder views, List<ProseSource> pages) {}

    /**
     * Every file of the site, in a fixed order: the English edition (the first) in full (assets,
     * the home page, the evidence pages with their share images and citation files, the listings,
     * the prose pages, then the files machines read), then each translation's pages in its folder,
     * and the sitemap last, from the paths of every edition. A translation repeats the pages
     * readers read, never the files they share (assets, open data, feeds, share images, citation
     * files, past versions' pages, the 404 page).
     */
    public void render(List<Edition> editions, Sink sink) throws IOException {
        List<String> paths = new ArrayList<>();
        Sink files =
                file -> {
                    paths.add(file.path());
                    sink.accept(file);
                };
        Map<String, String> lastmod = new java.util.TreeMap<>();
        for (Edition edition : editions) {
            boolean english = edition.views().site().language().english();
            PageFrame frame = frame(edition, editions);
            if (english) {
                lastmod.putAll(renderEnglish(edition, frame, files, sink));
            } else {
                lastmod.putAll(renderTranslation(edition, frame, files));
            }
        }
        ViewBuilder english = editions.get(0).views();
        CrawlerFiles.sitemaps(
                paths,
                english.site().origin() + english.site().baseUrl(),
                lastmod,
                english.site().datasetDate(),
                editions.stream().map(e -> e.views().site().language()).toList(),
                files);
    }

    /**
     * One model's pages alone, in every language, as {@link #render} writes them: the English page
     * with its share image, citation files, versions and redirects, then each translation's page.
     */
    public void renderModel(List<Edition> editions, String id, Sink sink) throws IOException {
        for (Edition edition : editions) {
            new EvidenceOutput(edition.views(), frame(edition, editions), images)
                    .renderModel(id, edition.views().site().language().english(), sink);
        }
    }

    /** A language's page frame, with links to the same page in the other languages. */
    private PageFrame frame(Edition edition, List<Edition> editions) {
        List<Views.LanguageLink> languages =
                editions.size() < 2
                        ? List.of()
                        : editions.stream()
                                .map(
                                        e ->
                                                new Views.LanguageLink(
                                                        e.views().site().lang(),
                                                        e.views().site().msg().get("lang_name"),
                                                        "",
                                                        "",
                                                        false))
                                .toList();
        ViewBuilder views = edition.views();
        return new PageFrame(
                renderer,
                new SitePaths(views.site().baseUrl()).href(assets.citeScript.path()),
                views.site(),
                edition.pages().stream()
                        .anyMatch(p -> p.page().slug().equals(SitePaths.OPEN_DATA_SLUG)),
                languages);
    }

    /**
     * A translation's pages, in the English order: home, evidence pages, listings, prose pages,
     * glossary and search. Returns the day each evidence page last changed, for the sitemap.
     */
    private Map<String, String> renderTranslation(Edition edition, PageFrame frame, Sink files)
            throws IOException {
        ViewBuilder views = edition.views();
        ListingOutput.home(views, frame, files);
        Map<String, String> lastmod = new EvidenceOutput(views, frame, images).renderPages(files);
        ListingOutput.render(views, frame, files);
        ProseOutput.render(views, edition.pages(), frame, files, false);
        return lastmod;
    }

    /** The English site: every file, as before the translations. */
    private Map<String, String> renderEnglish(
            Edition edition, PageFrame frame, Sink files, Sink sink) throws IOException {
        ViewBuilder views = edition.views();
        // Pages crawlers need not list: earlier versions of records, and old addresses.
        Sink unlisted = sink;
        assets.write(files);
        files.accept(
                new OutputFile(
                        SitePaths.SITE_SHARE_IMAGE,
                        images.site(frame.fixed("site_name"), frame.fixed("site_tagline"))));
        ListingOutput.home(views, frame, files);
        Map<String, String> lastmod =
                new EvidenceOutput(views, frame, images).render(files, unlisted);
        ListingOutput.render(views, frame, files);
        ProseOutput.render(views, edition.pages(), frame, files, true);
        renderForMachines(views, frame, files);
        return lastmod;
    }

    /** The 404 page, the GitHub Pages marker, the Atom feeds and robots.txt. */
    private void renderForMachines(ViewBuilder views, PageFrame frame, Sink files)
            throws IOException {
        files.accept(
                new OutputFile(
                        "404.html",
                        renderer.renderUtf8(
                                "404.ftlh",
                                Map.of(
                                        "page",
                                        new Views.PlainPage(views.site()),
                                        "actions",
                                        frame.missingPage(),
                                        "meta",
                                        frame.missingMeta()))));
        files.accept(OutputFile.text(".nojekyll", ""));
        List<MachineMetadata.FeedEntry> feedEntries = views.metadata().feedEntries();
        AtomFeeds feeds = new AtomFeeds(views.site());
        // The registry's feed (every entry) and each country's, made at once on every core: each is
        // a function of the entries alone. Handed on in order.
        List<Supplier<OutputFile>> made = new ArrayList<>();
        made.add(() -> feeds.registry(feedEntries));
        for (Views.CountryPage page : views.countryPages()) {
            made.add(
                    () -> feeds.country(page.country().code(), page.country().name(), feedEntries));
        }
        InOrder.make(made, Supplier::get, files::accept);
        Optional<OutputFile> robots =
                CrawlerFiles.robots(views.site().baseUrl(), views.site().origin());
        if (robots.isPresent()) {
            files.accept(robots.get());
        }
    }

    /** Each citation format as a file beside the page it cites. */
    static List<OutputFile> citationFiles(Views.Citation citation) {
        return citation.formats().stream()
                .map(format -> OutputFile.text(format.path(), format.text()))
                .toList();
    }

    /** The bases index: every base with a family page. */
    public record BasesIndex(Views.SiteView site, List<Views.BasePage> bases) {}
}
