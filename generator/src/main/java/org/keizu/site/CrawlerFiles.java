package org.keizu.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Every HTML page but 404, as absolute URLs when the origin is known (--origin), else as paths;
     * {@code lastmod} is the day each evidence page's record last changed (from git), and {@code
     * datasetDate} the day of every other page.
     */
    static String sitemap(
            List<String> paths, String prefix, Map<String, String> lastmod, String datasetDate) {
        return sitemap(paths, prefix, lastmod, datasetDate, List.of());
    }

    /**
     * As above; with more than one language ({@code languages}, English first), each page that has
     * counterparts also names them as {@code xhtml:link} alternates, as Google reads them.
     */
    static String sitemap(
            List<String> paths,
            String prefix,
            Map<String, String> lastmod,
            String datasetDate,
            List<Language> languages) {
        boolean alternates = languages.size() > 1;
        java.util.Set<String> written = new java.util.HashSet<>(paths);
        StringBuilder xml =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                                + (alternates
                                        ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
                                        : "")
                                + ">\n");
        paths.stream()
                .filter(p -> p.endsWith("index.html"))
                .sorted()
                .forEach(
                        p -> {
                            String folder = SitePaths.pageOf(p);
                            xml.append("  <url><loc>")
                                    .append(escapeXml(prefix + folder))
                                    .append("</loc><lastmod>")
                                    .append(escapeXml(lastmod.getOrDefault(p, datasetDate)))
                                    .append("</lastmod>");
                            if (alternates) {
                                String common =
                                        folder.substring(
                                                Language.ofSitePath(folder).folder().length());
                                List<Language> present =
                                        languages.stream()
                                                .filter(
                                                        l ->
                                                                written.contains(
                                                                        l.folder()
                                                                                + SitePaths.file(
                                                                                        common)))
                                                .toList();
                                if (present.size() > 1 && SitePaths.isPage(common)) {
                                    for (Language l : present) {
                                        xml.append("<xhtml:link rel=\"alternate\" hreflang=\"")
                                                .append(l.code())
                                                .append("\" href=\"")
                                                .append(escapeXml(prefix + l.folder() + common))
                                                .append("\"/>");
                                    }
                                }
                            }
                            xml.append("</url>\n");
                        });
        return xml.append("</urlset>\n").toString();
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
