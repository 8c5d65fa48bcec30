package org.keizu.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keizu.load.ProsePages;
import org.keizu.render.CitationBuilder;
import org.keizu.render.CitationProse;
import org.keizu.render.GeneratedProse;
import org.keizu.render.MachineMetadata;
import org.keizu.render.MarkdownRenderer;
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
 *   SitePlan plan = new SitePlan(renderer, templateDir);
 *   plan.render(new ViewBuilder(registry, analysis, vocabulary, plan.siteView(...)), pages, staging::write);
 * </pre>
 */
public final class SitePlan {
    private final TemplateRenderer renderer;
    private final Path templateDir;
    private final SiteAssets assets;
    private final ShareImages images;

    public SitePlan(TemplateRenderer renderer, Path templateDir) {
        this(renderer, templateDir, ShareImages.DRAWN);
    }

    /** A plan that takes its share images from {@code images} (kept between rebuilds, or drawn). */
    public SitePlan(TemplateRenderer renderer, Path templateDir, ShareImages images) {
        this.renderer = renderer;
        this.templateDir = templateDir;
        this.assets = new SiteAssets(templateDir);
        this.images = images;
    }

    /**
     * What every page shares: paths, the message bundle and the navigation; {@code repository} is
     * the repository readers act in ({@link RepositoryLinks}), or empty.
     */
    public Views.SiteView siteView(
            String baseUrl,
            String origin,
            String datasetDate,
            int modelCount,
            List<ProsePages.Page> pages,
            Optional<RepositoryLinks> repository) {
        Map<String, String> msg = Messages.bundle(templateDir);
        SitePaths paths = new SitePaths(baseUrl);
        List<Views.Link> nav = new ArrayList<>();
        nav.add(new Views.Link(msg.get("nav_models"), baseUrl));
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
                        baseUrl,
                        paths.href(SitePaths.COUNTRIES),
                        paths.href(SitePaths.BASES),
                        paths.href(SitePaths.SEARCH),
                        paths.href(SitePaths.SEARCH_INDEX),
                        paths.href(SitePaths.REGISTRY_JSON),
                        paths.href(SitePaths.REGISTRY_CSV),
                        paths.href(assets.css.path()),
                        paths.href(assets.filterScript.path()),
                        paths.href(assets.searchScript.path()),
                        paths.href(assets.icon.path()),
                        repository.map(RepositoryLinks::home).orElse(null));
        return new Views.SiteView(baseUrl, origin, href, datasetDate, modelCount, msg, nav);
    }

    /** Where rendered files go, one at a time. */
    public interface Sink {
        void accept(OutputFile file) throws IOException;
    }

    /**
     * Every file of the site, in a fixed order: assets, the home page, the evidence pages with
     * their share images and citation files, the listings, the prose pages, then the files machines
     * read (feeds, robots.txt) and the sitemap last, from the paths that went before.
     */
    public void render(ViewBuilder views, List<ProsePages.Page> pages, Sink sink)
            throws IOException {
        PageFrame frame =
                new PageFrame(
                        renderer,
                        new SitePaths(views.site().baseUrl()).href(assets.citeScript.path()),
                        views.site(),
                        pages.stream().anyMatch(p -> p.slug().equals(SitePaths.OPEN_DATA_SLUG)));
        List<String> paths = new ArrayList<>();
        Sink files =
                file -> {
                    paths.add(file.path());
                    sink.accept(file);
                };
        // Pages crawlers need not list: earlier versions of records, and old addresses.
        Sink unlisted = sink;
        assets.write(files);
        files.accept(
                new OutputFile(
                        SitePaths.SITE_SHARE_IMAGE,
                        images.site(frame.fixed("site_name"), frame.fixed("site_tagline"))));
        files.accept(
                frame.page(
                        "",
                        "index.ftlh",
                        views.index(),
                        frame.fixed("home_title"),
                        frame.meta("", views.metadata().registryJsonLd())));
        Map<String, String> lastmod =
                new EvidenceOutput(views, frame, images).render(files, unlisted);
        renderListings(views, frame, files);
        renderProse(views, pages, frame, files);
        renderForMachines(views, frame, files);
        files.accept(
                OutputFile.text(
                        SitePaths.SITEMAP,
                        CrawlerFiles.sitemap(
                                paths,
                                views.site().origin() + views.site().baseUrl(),
                                lastmod,
                                views.site().datasetDate())));
    }

    /** The pages that list models: by country, verdict, organisation, programme and base. */
    private static void renderListings(ViewBuilder views, PageFrame frame, Sink files)
            throws IOException {
        files.accept(
                frame.page(
                        SitePaths.COUNTRIES,
                        "countries.ftlh",
                        views.countries(),
                        frame.fixed("countries_title")));
        for (Views.CountryPage page : views.countryPages()) {
            files.accept(
                    frame.page(
                            SitePaths.country(page.country().code()),
                            "country.ftlh",
                            page,
                            page.country().name(),
                            frame.countryMeta(page.country())));
        }
        for (Views.VerdictPage page : views.verdictPages()) {
            files.accept(
                    frame.page(
                            SitePaths.verdict(page.verdict()),
                            "verdict.ftlh",
                            page,
                            frame.fixed("verdict_label") + " " + page.label()));
        }
        for (Views.OrganisationPage page : views.organisationPages()) {
            files.accept(
                    frame.page(
                            SitePaths.organisation(page.profile().id()),
                            "organisation.ftlh",
                            page,
                            page.profile().name()));
        }
        for (Views.ProgrammePage page : views.programmePages()) {
            files.accept(
                    frame.page(
                            SitePaths.programme(page.profile().id()),
                            "programme.ftlh",
                            page,
                            page.profile().name()));
        }
        List<Views.BasePage> bases = views.basePages();
        files.accept(
                frame.page(
                        SitePaths.BASES,
                        "bases.ftlh",
                        new BasesIndex(views.site(), bases),
                        frame.fixed("bases_title")));
        for (Views.BasePage page : bases) {
            files.accept(
                    frame.page(
                            SitePaths.base(page.id()),
                            "base.ftlh",
                            page,
                            page.name() + " — " + frame.fixed("family_heading")));
        }
    }

    /**
     * The registry's own citation files, then the prose pages from {@code data/pages/} with their
     * generated parts (the registry's citation, the methodology tables, repository links) expanded.
     */
    private static void renderProse(
            ViewBuilder views, List<ProsePages.Page> pages, PageFrame frame, Sink files)
            throws IOException {
        Views.Citation registryCitation = CitationBuilder.registry(views.site());
        writeCitation(registryCitation, files);
        MarkdownRenderer markdown = new MarkdownRenderer();
        GeneratedProse generated = new GeneratedProse(new Messages(views.site().msg()));
        // The generated parts (methodology tables, repository links) expanded, then Markdown.
        java.util.function.Function<String, String> html =
                source -> markdown.render(frame.repositoryLinks(generated.expand(source)));
        for (ProsePages.Page p : pages) {
            Optional<CitationProse.Parts> parts = CitationProse.split(p.markdown());
            files.accept(
                    frame.page(
                            SitePaths.prose(p.slug()),
                            "prose.ftlh",
                            new Views.ProsePage(
                                    views.site(),
                                    p.slug(),
                                    p.title(),
                                    html.apply(
                                            parts.map(CitationProse.Parts::before)
                                                    .orElse(p.markdown())),
                                    parts.isPresent() ? registryCitation : null,
                                    parts.map(CitationProse.Parts::after).map(html).orElse(null)),
                            p.title()));
        }
        files.accept(
                frame.page(
                        SitePaths.SEARCH,
                        "search.ftlh",
                        views.searchPage(),
                        frame.fixed("search_title")));
    }

    /** The 404 page, the GitHub Pages marker, the Atom feeds and robots.txt. */
    private void renderForMachines(ViewBuilder views, PageFrame frame, Sink files)
            throws IOException {
        files.accept(
                OutputFile.text(
                        "404.html",
                        renderer.render(
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
        files.accept(feeds.registry(feedEntries));
        for (Views.CountryPage page : views.countryPages()) {
            files.accept(feeds.country(page.country().code(), page.country().name(), feedEntries));
        }
        Optional<OutputFile> robots =
                CrawlerFiles.robots(views.site().baseUrl(), views.site().origin());
        if (robots.isPresent()) {
            files.accept(robots.get());
        }
    }

    /** Each citation format as a file beside the page it cites. */
    static void writeCitation(Views.Citation citation, Sink files) throws IOException {
        for (Views.CitationText format : citation.formats()) {
            files.accept(OutputFile.text(format.path(), format.text()));
        }
    }

    /** The bases index: every base with a family page. */
    public record BasesIndex(Views.SiteView site, List<Views.BasePage> bases) {}
}
