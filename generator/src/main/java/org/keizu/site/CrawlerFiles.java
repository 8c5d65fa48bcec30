package org.keizu.site;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keizu.render.Language;
import org.keizu.render.SitePaths;

/** The two files crawlers read: {@code robots.txt} and {@code sitemap.xml}. */
final class CrawlerFiles {
    private CrawlerFiles() {}

    /**
     * {@code robots.txt}, naming the sitemap when the origin is known. Crawlers read robots.txt
     * only at the root of a host; under a sub-path (a GitHub project site) the file would have no
     * effect, so none is written there.
     */
    static Optional<OutputFile> robots(String baseUrl, String origin) {
        if (!baseUrl.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(
                OutputFile.text(
                        "robots.txt",
                        "User-agent: *\nAllow: /\n"
                                + (origin.isEmpty()
                                        ? ""
                                        : "Sitemap: "
                                                + origin
                                                + baseUrl
                                                + SitePaths.SITEMAP
                                                + "\n")));
    }

    /**
     * The most URLs one sitemap file may list (sitemaps.org): a larger site's {@code sitemap.xml}
     * is an index of parts that each list at most this many.
     */
    static final int MAX_URLS = 50_000;

    /**
     * The sitemap: every HTML page but 404, as absolute URLs when the origin is known (--origin),
     * else as paths; {@code lastmod} is the day each evidence page's record last changed (from
     * git), and {@code datasetDate} the day of every other page. With more than one language
     * ({@code languages}, English first), each page that has counterparts also names them as {@code
     * xhtml:link} alternates, as Google reads them. Up to {@link #MAX_URLS} pages it is {@code
     * sitemap.xml} alone; beyond, {@code sitemap.xml} indexes parts {@code sitemap_1.xml}, {@code
     * sitemap_2.xml} and so on (beside it, as a sitemap may list only addresses under its own
     * folder; no record id holds an underscore), each handed to {@code out} as it is made.
     */
    static void sitemaps(
            List<String> paths,
            String prefix,
            Map<String, String> lastmod,
            String datasetDate,
            List<Language> languages,
            SitePlan.Sink out)
            throws IOException {
        List<String> pages = paths.stream().filter(p -> p.endsWith("index.html")).sorted().toList();
        // Read before the first part is handed on: writing one may add to paths.
        Set<String> written = languages.size() > 1 ? new HashSet<>(paths) : Set.of();
        if (pages.size() <= MAX_URLS) {
            out.accept(
                    OutputFile.text(
                            SitePaths.SITEMAP,
                            urlset(pages, written, prefix, lastmod, datasetDate, languages)));
            return;
        }
        StringBuilder index =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<sitemapindex"
                                + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int from = 0, part = 1; from < pages.size(); from += MAX_URLS, part++) {
            String name = "sitemap_" + part + ".xml";
            out.accept(
                    OutputFile.text(
                            name,
                            urlset(
                                    pages.subList(from, Math.min(pages.size(), from + MAX_URLS)),
                                    written,
                                    prefix,
                                    lastmod,
                                    datasetDate,
                                    languages)));
            index.append("  <sitemap><loc>")
                    .append(escapeXml(prefix + name))
                    .append("</loc></sitemap>\n");
        }
        out.accept(
                OutputFile.text(SitePaths.SITEMAP, index.append("</sitemapindex>\n").toString()));
    }

    /**
     * One sitemap file listing {@code pages} (their files, sorted); {@code written} is every file
     * of the site, where a page's counterparts in other languages are sought.
     */
    private static String urlset(
            List<String> pages,
            Set<String> written,
            String prefix,
            Map<String, String> lastmod,
            String datasetDate,
            List<Language> languages) {
        boolean alternates = languages.size() > 1;
        StringBuilder xml =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                                + (alternates
                                        ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
                                        : "")
                                + ">\n");
        for (String page : pages) {
            String folder = SitePaths.pageOf(page);
            xml.append("  <url><loc>")
                    .append(escapeXml(prefix + folder))
                    .append("</loc><lastmod>")
                    .append(escapeXml(lastmod.getOrDefault(page, datasetDate)))
                    .append("</lastmod>");
            if (alternates) {
                appendAlternates(xml, folder, written, prefix, languages);
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /**
     * The page at {@code folder} in each language it is written in ({@code xhtml:link}), when it is
     * in more than one.
     */
    private static void appendAlternates(
            StringBuilder xml,
            String folder,
            Set<String> written,
            String prefix,
            List<Language> languages) {
        String common = folder.substring(Language.ofSitePath(folder).folder().length());
        if (!SitePaths.isPage(common)) {
            return;
        }
        List<Language> present =
                languages.stream()
                        .filter(l -> written.contains(l.folder() + SitePaths.file(common)))
                        .toList();
        if (present.size() < 2) {
            return;
        }
        for (Language l : present) {
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"")
                    .append(l.code())
                    .append("\" href=\"")
                    .append(escapeXml(prefix + l.folder() + common))
                    .append("\"/>");
        }
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
