package org.keizu.render;

import java.util.Locale;

/**
 * The site's URL scheme, in one place: where each page lives relative to the site root, and the
 * complete link to it under the base URL. Page builders, the site plan and the open data all ask
 * here; templates receive the links ready-made.
 *
 * <p>A translation's pages live in its folder ({@code /ja/}): {@code folder} is that folder ("" for
 * English), and {@link #href} puts a page there, while a file (an asset, open data, a feed, a share
 * image, a citation file) and a past version's page stay the English site's, shared by all ({@link
 * #isPage}).
 *
 * @param baseUrl where the site is served, starting and ending with '/'
 * @param folder the language's folder under it, "" or ending with '/'
 */
public record SitePaths(String baseUrl, String folder) {
    /** The English site's paths. */
    public SitePaths(String baseUrl) {
        this(baseUrl, "");
    }

    public static final String COUNTRIES = "countries/";
    public static final String BASES = "bases/";
    public static final String SEARCH = "search/";

    /** The folder of the search index of a language's pages, which its search page reads. */
    public static String searchIndex(Language language) {
        return "search-index/" + language.code() + "/";
    }

    public static final String REGISTRY_JSON = "data/registry.json";
    public static final String REGISTRY_CSV = "data/registry.csv";
    public static final String SCHEMAS = "data/schema/";
    public static final String SITEMAP = "sitemap.xml";
    public static final String FEEDS = "feeds/";

    /** The glossary of the vocabularies' terms, in each language. */
    public static final String GLOSSARY = "glossary/";

    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("models/[^/]+/v/[0-9]+/");

    private static final java.util.List<String> SHARED_FOLDERS =
            java.util.List.of("assets/", "data/", "feeds/", "search-index/");

    /** The Atom feed of the whole registry: new records, changes and corrections. */
    public static final String REGISTRY_FEED = FEEDS + "registry.atom";

    /** The image a link to a page other than an evidence page shows when shared. */
    public static final String SITE_SHARE_IMAGE = "share.png";

    /** The prose page ({@code data/pages/open-data.md}) that documents the open data. */
    public static final String OPEN_DATA_SLUG = "open-data";

    /**
     * Every name the site itself writes at its root, so that a prose page ({@code /<slug>/}) can be
     * refused the address before anything is rendered.
     */
    public static final java.util.Set<String> ROOT_NAMES =
            java.util.Set.of(
                    "index.html",
                    "models",
                    "countries",
                    "verdicts",
                    "organisations",
                    "programmes",
                    "bases",
                    "search",
                    "search-index",
                    "data",
                    "assets",
                    "404.html",
                    ".nojekyll",
                    "robots.txt",
                    "feeds",
                    GLOSSARY.substring(0, GLOSSARY.length() - 1),
                    "ja",
                    "ko",
                    SITE_SHARE_IMAGE,
                    SITEMAP);

    /** The file that serves a page's folder. */
    public static String file(String pagePath) {
        return pagePath + INDEX;
    }

    /**
     * The page a file serves, the inverse of {@link #file}: {@code models/x/} for {@code
     * models/x/index.html}, "" for the home page; any other file is its own address.
     */
    public static String pageOf(String filePath) {
        return filePath.endsWith(INDEX)
                ? filePath.substring(0, filePath.length() - INDEX.length())
                : filePath;
    }

    private static final String INDEX = "index.html";

    public static String model(String id) {
        return "models/" + id + "/";
    }

    /** One version of a model's record, at an address that never changes: what a citation names. */
    public static String modelVersion(String id, int number) {
        return model(id) + "v/" + number + "/";
    }

    /** A model's record as open data, beside its page. */
    public static String modelJson(String id) {
        return model(id) + "index.json";
    }

    /** The image a link to a model's evidence page shows when shared. */
    public static String modelShareImage(String id) {
        return model(id) + "share.png";
    }

    /** The Atom feed of one country's models. */
    public static String countryFeed(String code) {
        return FEEDS + code.toLowerCase(Locale.ROOT) + ".atom";
    }

    /** One citation format's file ({@code cite.bib}, ...) beside a model's evidence page. */
    public static String modelCite(String id, String file) {
        return model(id) + file;
    }

    /** One citation format's file of the registry as a whole, beside the cite page. */
    public static String registryCite(String file) {
        return prose("cite") + file;
    }

    public static String country(String code) {
        return COUNTRIES + code.toLowerCase(Locale.ROOT) + "/";
    }

    public static String verdict(String term) {
        return "verdicts/" + term + "/";
    }

    public static String organisation(String id) {
        return "organisations/" + id + "/";
    }

    public static String programme(String id) {
        return "programmes/" + id + "/";
    }

    /** A base's family page. */
    public static String base(String id) {
        return BASES + id + "/";
    }

    /** A prose page of {@code data/pages/<slug>.md}. */
    public static String prose(String slug) {
        return slug + "/";
    }

    /**
     * Whether {@code path} is a page each language has (a folder: "" for the home page, {@code
     * models/x/}), rather than a file or a past version's page, which only the English site has.
     */
    public static boolean isPage(String path) {
        return (path.isEmpty() || path.endsWith("/"))
                && !VERSION.matcher(path).matches()
                && SHARED_FOLDERS.stream().noneMatch(path::startsWith);
    }

    /** The link to a path of the site: a page in this language's folder, a file at the root. */
    public String href(String path) {
        return isPage(path) ? baseUrl + folder + path : baseUrl + path;
    }

    /** The same site's paths in another language's folder. */
    public SitePaths in(Language language) {
        return new SitePaths(baseUrl, language.folder());
    }
}
