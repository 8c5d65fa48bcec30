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
import java.util.Properties;
import java.util.TreeMap;
import org.keizu.load.ProsePages;
import org.keizu.render.MarkdownRenderer;
import org.keizu.render.TemplateRenderer;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;

/**
 * Decides which files the site has and renders each one in memory. Nothing here touches the
 * output folder; {@link SiteWriter} does that, after the whole site has rendered.
 * <pre>
 *   SitePlan plan = new SitePlan(renderer, templateDir);
 *   List&lt;OutputFile&gt; files = plan.render(new ViewBuilder(registry, vocabulary, plan.siteView(...)), pages);
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
    }

    /** What every page shares: paths, the message bundle and the navigation. */
    public Views.SiteView siteView(String baseUrl, String origin, String datasetDate, int modelCount, List<ProsePages.Page> pages) {
        Map<String, String> msg = messages(templateDir);
        List<Views.Link> nav = new ArrayList<>();
        nav.add(new Views.Link(msg.get("nav_models"), baseUrl));
        nav.add(new Views.Link(msg.get("nav_countries"), baseUrl + "countries/"));
        nav.add(new Views.Link(msg.get("nav_bases"), baseUrl + "bases/"));
        for (String slug : List.of("about", "methodology", "contribute", "cite")) {
            pages.stream().filter(p -> p.slug().equals(slug)).findFirst()
                    .ifPresent(p -> nav.add(new Views.Link(msg.getOrDefault("nav_" + slug, p.title()), baseUrl + slug + "/")));
        }
        return new Views.SiteView(baseUrl, origin, cssPath, scriptPath, searchScriptPath, iconPath, datasetDate, modelCount, msg, nav);
    }

    /** The message bundle: every user-facing string of the templates, in one file a translation can copy. */
    public static Map<String, String> messages(Path templateDir) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(templateDir.resolve("messages.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/messages.properties", e);
        }
        Map<String, String> msg = new TreeMap<>();
        properties.forEach((k, v) -> msg.put(k.toString(), v.toString()));
        return Map.copyOf(msg);
    }

    /** An asset's published name carries a hash of its bytes, so browsers never keep a stale copy. */
    public static String hashedName(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + "." + HexFormat.of().formatHex(digest, 0, 5) + name.substring(dot);
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

    public List<OutputFile> render(ViewBuilder views, List<ProsePages.Page> pages) {
        String origin = views.site().origin();
        List<OutputFile> files = new ArrayList<>();
        files.add(new OutputFile(cssPath, css));
        files.add(new OutputFile(scriptPath, script));
        files.add(new OutputFile(searchScriptPath, searchScript));
        files.add(new OutputFile(iconPath, icon));
        files.add(page("index.html", "index.ftlh", views.index()));
        for (Views.ModelPage page : views.modelPages()) {
            files.add(page(ViewBuilder.modelPath(page.id()) + "index.html", "model.ftlh", page));
        }
        Views.CountriesPage countries = views.countries();
        files.add(page("countries/index.html", "countries.ftlh", countries));
        for (Views.CountryPage page : views.countryPages()) {
            files.add(page(ViewBuilder.countryPath(page.code()) + "index.html", "country.ftlh", page));
        }
        for (Views.VerdictPage page : views.verdictPages()) {
            files.add(page(ViewBuilder.verdictPath(page.verdict()) + "index.html", "verdict.ftlh", page));
        }
        for (Views.OrganisationPage page : views.organisationPages()) {
            files.add(page(ViewBuilder.organisationPath(page.id()) + "index.html", "organisation.ftlh", page));
        }
        for (Views.ProgrammePage page : views.programmePages()) {
            files.add(page(ViewBuilder.programmePath(page.id()) + "index.html", "programme.ftlh", page));
        }
        List<Views.BasePage> bases = views.basePages();
        files.add(page("bases/index.html", "bases.ftlh", new BasesIndex(views.site(), bases)));
        for (Views.BasePage page : bases) {
            files.add(page(ViewBuilder.basePath(page.id()) + "index.html", "base.ftlh", page));
        }
        MarkdownRenderer markdown = new MarkdownRenderer();
        for (ProsePages.Page p : pages) {
            files.add(page(p.slug() + "/index.html", "prose.ftlh",
                    new Views.ProsePage(views.site(), p.slug(), p.title(), markdown.render(p.markdown()))));
        }
        files.add(page("search/index.html", "search.ftlh", new Views.SearchPage(views.site(), List.of())));
        files.add(page("404.html", "404.ftlh", new Views.PlainPage(views.site())));
        files.add(OutputFile.text(".nojekyll", ""));
        files.add(OutputFile.text("robots.txt", "User-agent: *\nAllow: /\n"
                + (origin.isEmpty() ? "" : "Sitemap: " + origin + views.site().baseUrl() + "sitemap.xml\n")));
        files.add(OutputFile.text("sitemap.xml", sitemap(files, origin + views.site().baseUrl())));
        return files;
    }

    /** The bases index: every base with a family page. */
    public record BasesIndex(Views.SiteView site, List<Views.BasePage> bases) {
    }

    private OutputFile page(String path, String template, Object view) {
        return OutputFile.text(path, renderer.render(template, Map.of("page", view)));
    }

    /** Every HTML page but 404, as absolute URLs when the origin is known (--origin), else as paths. */
    static String sitemap(List<OutputFile> files, String prefix) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        files.stream().map(OutputFile::path).filter(p -> p.endsWith("index.html")).sorted().forEach(p -> xml
                .append("  <url><loc>").append(escapeXml(prefix + p.substring(0, p.length() - "index.html".length())))
                .append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
