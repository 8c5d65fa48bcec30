package org.keizu.site;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
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
    private final byte[] css;
    private final byte[] script;
    private final String cssPath;
    private final String scriptPath;
    private final byte[] searchScript;
    private final String searchScriptPath;
    private final byte[] icon;
    private final String iconPath;
    private final byte[] citeScript;
    private final String citeScriptPath;

    public SitePlan(TemplateRenderer renderer, Path templateDir) {
        this.renderer = renderer;
        this.templateDir = templateDir;
        this.css = readAsset(templateDir, "style.css");
        this.script = readAsset(templateDir, "filter.js");
        this.cssPath = "assets/" + hashedName("style.css", css);
        this.scriptPath = "assets/" + hashedName("filter.js", script);
        this.searchScript = readAsset(templateDir, "search.js");
        this.searchScriptPath = "assets/" + hashedName("search.js", searchScript);
        this.icon = readAsset(templateDir, "favicon.svg");
        this.iconPath = "assets/" + hashedName("favicon.svg", icon);
        this.citeScript = readAsset(templateDir, "cite.js");
        this.citeScriptPath = "assets/" + hashedName("cite.js", citeScript);
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
        Map<String, String> msg = messages(templateDir);
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
                        paths.href(cssPath),
                        paths.href(scriptPath),
                        paths.href(searchScriptPath),
                        paths.href(iconPath),
                        repository.map(RepositoryLinks::home).orElse(null));
        return new Views.SiteView(baseUrl, origin, href, datasetDate, modelCount, msg, nav);
    }

    /**
     * The message bundle: every user-facing string of the templates, in one file a translation can
     * copy.
     */
    public static Map<String, String> messages(Path templateDir) {
        Properties properties = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        templateDir.resolve("messages.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/messages.properties", e);
        }
        Map<String, String> msg = new TreeMap<>();
        properties.forEach((k, v) -> msg.put(k.toString(), v.toString()));
        return Map.copyOf(msg);
    }

    /**
     * Output paths that two sources would write, found before anything is rendered: a prose page
     * may not take the address of a page the site builds itself. (Record ids cannot collide: each
     * kind has its own folder, and ids are unique ignoring case.)
     */
    public static void checkAddresses(
            List<ProsePages.Page> pages, java.util.function.Consumer<Finding> out) {
        for (ProsePages.Page page : pages) {
            if (SitePaths.ROOT_NAMES.contains(page.slug())) {
                out.accept(
                        Finding.error(
                                page.file(),
                                Position.WHOLE_FILE,
                                Check.SITE_001,
                                "the page would be published at /"
                                        + page.slug()
                                        + "/, an address the site uses for its own pages; rename the file"));
            }
        }
    }

    /**
     * An asset's published name carries a hash of its bytes, so browsers never keep a stale copy.
     */
    public static String hashedName(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot)
                    + "."
                    + HexFormat.of().formatHex(digest, 0, 5)
                    + name.substring(dot);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] readAsset(Path templateDir, String name) {
        try {
            return Files.readAllBytes(templateDir.resolve("assets").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the asset templates/assets/" + name, e);
        }
    }

    /** Where rendered files go, one at a time. */
    public interface Sink {
        void accept(OutputFile file) throws IOException;
    }

    /**
     * Every file of the site, in a fixed order; the sitemap last, from the paths that went before.
     */
    public void render(ViewBuilder views, List<ProsePages.Page> pages, Sink sink)
            throws IOException {
        String origin = views.site().origin();
        PageFrame frame =
                new PageFrame(
                        renderer,
                        new SitePaths(views.site().baseUrl()).href(citeScriptPath),
                        views.site(),
                        pages.stream().anyMatch(p -> p.slug().equals(SitePaths.OPEN_DATA_SLUG)));
        MachineMetadata metadata = views.metadata();
        List<MachineMetadata.FeedEntry> feedEntries = metadata.feedEntries();
        Map<String, String> lastmod = new TreeMap<>();
        List<String> paths = new ArrayList<>();
        Sink files =
                file -> {
                    paths.add(file.path());
                    sink.accept(file);
                };
        files.accept(new OutputFile(cssPath, css));
        files.accept(new OutputFile(scriptPath, script));
        files.accept(new OutputFile(searchScriptPath, searchScript));
        files.accept(new OutputFile(iconPath, icon));
        files.accept(new OutputFile(citeScriptPath, citeScript));
        files.accept(
                new OutputFile(
                        SitePaths.SITE_SHARE_IMAGE,
                        ShareImage.site(frame.fixed("site_name"), frame.fixed("site_tagline"))));
        files.accept(
                frame.page(
                        "",
                        "index.ftlh",
                        views.index(),
                        frame.fixed("home_title"),
                        frame.meta("", metadata.registryJsonLd())));
        for (String id :
                views.modelIds()) { // one evidence page at a time: the views are built as they go
            Views.ModelPage model = views.modelPage(id);
            MachineMetadata.ShareCard card = metadata.shareCard(id);
            files.accept(
                    new OutputFile(
                            SitePaths.modelShareImage(id),
                            ShareImage.model(card, frame.fixed("site_name"))));
            files.accept(
                    frame.page(
                            SitePaths.model(id),
                            "model.ftlh",
                            model,
                            model.facts().name(),
                            frame.modelMeta(
                                    id, model.facts().country(), card, metadata.modelJsonLd(id))));
            lastmod.put(SitePaths.file(SitePaths.model(id)), metadata.lastModified(id));
            writeCitation(model.citation(), files);
        }
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
        Views.Citation registryCitation = CitationBuilder.registry(views.site());
        writeCitation(registryCitation, files);
        MarkdownRenderer markdown = new MarkdownRenderer();
        GeneratedProse generated = new GeneratedProse(new Messages(views.site().msg()));
        for (ProsePages.Page p : pages) {
            files.accept(
                    frame.page(
                            SitePaths.prose(p.slug()),
                            "prose.ftlh",
                            new Views.ProsePage(
                                    views.site(),
                                    p.slug(),
                                    p.title(),
                                    markdown.render(
                                            frame.repositoryLinks(
                                                    generated.expand(
                                                            CitationProse.expand(
                                                                    p.markdown(),
                                                                    registryCitation,
                                                                    frame.fixed(
                                                                            "cite_download")))))),
                            p.title()));
        }
        files.accept(
                frame.page(
                        SitePaths.SEARCH,
                        "search.ftlh",
                        views.searchPage(),
                        frame.fixed("search_title")));
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
        AtomFeeds feeds = new AtomFeeds(views.site());
        files.accept(feeds.registry(feedEntries));
        for (Views.CountryPage page : views.countryPages()) {
            files.accept(feeds.country(page.country().code(), page.country().name(), feedEntries));
        }
        String siteUrl = origin + views.site().baseUrl();
        if (views.site().baseUrl().equals("/")) {
            // Crawlers read robots.txt only at the root of a host; under a sub-path (a GitHub
            // project site) the file would have no effect, so it is not written there.
            files.accept(
                    OutputFile.text(
                            "robots.txt",
                            "User-agent: *\nAllow: /\n"
                                    + (origin.isEmpty()
                                            ? ""
                                            : "Sitemap: " + siteUrl + SitePaths.SITEMAP + "\n")));
        }
        files.accept(
                OutputFile.text(
                        SitePaths.SITEMAP,
                        sitemap(paths, siteUrl, lastmod, views.site().datasetDate())));
    }

    /** Each citation format as a file beside the page it cites. */
    private static void writeCitation(Views.Citation citation, Sink files) throws IOException {
        for (Views.CitationText format : citation.formats()) {
            files.accept(OutputFile.text(format.path(), format.text()));
        }
    }

    /** The bases index: every base with a family page. */
    public record BasesIndex(Views.SiteView site, List<Views.BasePage> bases) {}

    /**
     * Every HTML page but 404, as absolute URLs when the origin is known (--origin), else as paths;
     * {@code lastmod} is the day each evidence page's record last changed (from git), and {@code
     * datasetDate} the day of every other page.
     */
    static String sitemap(
            List<String> paths, String prefix, Map<String, String> lastmod, String datasetDate) {
        StringBuilder xml =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        paths.stream()
                .filter(p -> p.endsWith("index.html"))
                .sorted()
                .forEach(
                        p ->
                                xml.append("  <url><loc>")
                                        .append(
                                                escapeXml(
                                                        prefix
                                                                + p.substring(
                                                                        0,
                                                                        p.length()
                                                                                - "index.html"
                                                                                        .length())))
                                        .append("</loc><lastmod>")
                                        .append(escapeXml(lastmod.getOrDefault(p, datasetDate)))
                                        .append("</lastmod></url>\n"));
        return xml.append("</urlset>\n").toString();
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
