package org.keizu.serve;

import java.util.List;

/**
 * The page every address shows while the registry has errors: the findings, as the terminal prints
 * them, escaped, with the reload script, so that saving a fix brings the site back by itself. It
 * follows the site's rules: no inline script or style, nothing from another host.
 */
final class ErrorPage {
    private ErrorPage() {}

    static String html(List<String> problems, String reloadScript) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append(
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                                + " script-src 'self'; connect-src 'self'; base-uri 'none'\">\n")
                .append("<title>")
                .append(problems.size())
                .append(" problem(s) — Keizu preview</title>\n</head>\n<body>\n")
                .append("<h1>The site cannot be built</h1>\n<p>")
                .append(problems.size())
                .append(
                        " problem(s) stop the build. Fix them and save: this page reloads by"
                                + " itself.</p>\n<ol>\n");
        for (String problem : problems) {
            page.append("<li><pre>").append(escape(problem)).append("</pre></li>\n");
        }
        return page.append("</ol>\n")
                .append(reloadScript)
                .append("\n</body>\n</html>\n")
                .toString();
    }

    /** Escapes text for an HTML element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
