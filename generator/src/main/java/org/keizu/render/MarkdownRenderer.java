package org.keizu.render;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns the prose pages of {@code data/pages/*.md} into HTML that is safe to print unescaped
 * (SECURITY.md §5.3): raw HTML in the Markdown is escaped, links keep only https, mailto and
 * relative targets (never protocol-relative), images are dropped, and jsoup's safelist cleans the
 * result once more. Its output is the only HTML a template prints without escaping, in the {@code
 * markdown} macro of {@code layout.ftlh}.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder()
                    .extensions(EXTENSIONS)
                    .escapeHtml(true)
                    .sanitizeUrls(true)
                    .urlSanitizer(new StrictUrls())
                    .percentEncodeUrls(true)
                    .build();
    private final Safelist safelist =
            Safelist.relaxed()
                    .removeTags("img")
                    .addAttributes(":all", "id")
                    .removeProtocols("a", "href", "ftp", "http")
                    .preserveRelativeLinks(true);

    /** The HTML of one Markdown document, cleaned; relative links are kept relative. */
    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "https://keizu.invalid/", safelist, settings);
    }

    /** https and mailto only; no protocol-relative links; no images at all. */
    static final class StrictUrls implements UrlSanitizer {
        private final UrlSanitizer base = new DefaultUrlSanitizer(List.of("https", "mailto"));

        @Override
        public String sanitizeLinkUrl(String url) {
            String clean = base.sanitizeLinkUrl(url);
            String trimmed = clean.strip();
            return trimmed.startsWith("//") || trimmed.startsWith("\\") || trimmed.startsWith("/\\")
                    ? ""
                    : clean;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }
}
