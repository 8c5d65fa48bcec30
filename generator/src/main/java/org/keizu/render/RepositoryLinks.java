package org.keizu.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keizu.model.UrlPolicy;

/**
 * The addresses in the registry's repository that let a reader act on a page: a pre-filled new
 * issue (a correction, a makers' reply), a record's file opened for editing, a document of the
 * repository. They follow GitHub's scheme ({@code /issues/new?title=&body=}, {@code
 * /edit/<branch>/<path>}, {@code /blob/<branch>/<path>}). The repository is configured once, by
 * {@code keizu build --repo-url}; without it a site shows none of these links.
 *
 * <pre>
 *   RepositoryLinks repo = RepositoryLinks.of("https://github.com/owner/keizu");
 *   repo.edit("data/models/kimi-k2.yaml");   // https://github.com/owner/keizu/edit/main/data/models/kimi-k2.yaml
 *   repo.newIssue("Correction: Kimi K2", "Page: /models/kimi-k2/");
 * </pre>
 */
public final class RepositoryLinks {
    /** The branch the site is built from, where records are edited. */
    public static final String BRANCH = "main";

    /** An owner or repository name as GitHub allows them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** A prose page's link into the repository: {@code [words](repository:target)}. */
    private static final Pattern PROSE_LINK =
            Pattern.compile("\\[([^\\]\n]+)\\]\\(repository:([A-Za-z0-9_./-]*)\\)");

    private final String home;

    private RepositoryLinks(String home) {
        this.home = home;
    }

    /**
     * The repository at {@code url} ({@code https://github.com/<owner>/<repo>}, a trailing slash or
     * {@code .git} allowed), or an {@link IllegalArgumentException} saying what is wrong.
     */
    public static RepositoryLinks of(String url) {
        Optional<String> problem = problem(url);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    "--repo-url must be a repository's address such as"
                            + " https://github.com/<owner>/<repo>; \""
                            + url
                            + "\" "
                            + problem.get());
        }
        return new RepositoryLinks(normalise(url));
    }

    /**
     * The repository at {@code url}, or empty when the url is null or blank (no repository
     * configured).
     */
    public static Optional<RepositoryLinks> optional(String url) {
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(of(url));
    }

    /** Why {@code url} cannot be a repository's address, or empty when it can. */
    public static Optional<String> problem(String url) {
        Optional<String> published = UrlPolicy.problem(url);
        if (published.isPresent()) {
            return published;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not carry a query (?) or a fragment (#)");
        }
        if (uri.getPort() != -1) {
            return Optional.of("must not name a port");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] parts = trimmed(path).split("/", -1);
        if (parts.length != 3
                || !parts[0].isEmpty()
                || !NAME.matcher(parts[1]).matches()
                || !NAME.matcher(parts[2]).matches()
                || parts[2].equals(".")
                || parts[2].equals("..")
                || parts[1].startsWith(".")) {
            return Optional.of("must have exactly two path parts, the owner and the repository");
        }
        return Optional.empty();
    }

    /** The repository's own page. */
    public String home() {
        return home;
    }

    /** A file of the repository, as GitHub shows it ({@code path} relative to its root). */
    public String file(String path) {
        return home + "/blob/" + BRANCH + "/" + encodePath(path);
    }

    /** A file of the repository, opened in GitHub's editor (a fork and a pull request for most). */
    public String edit(String path) {
        return home + "/edit/" + BRANCH + "/" + encodePath(path);
    }

    /** A commit of the repository: what it changed, as GitHub shows it. */
    public String commit(String id) {
        return home + "/commit/" + encode(id);
    }

    /** A new issue with its title and body filled in; the reader can change both before sending. */
    public String newIssue(String title, String body) {
        return home + "/issues/new?title=" + encode(title) + "&body=" + encode(body);
    }

    /**
     * Markdown with its links into the repository made complete: {@code [words](repository:)} is
     * the repository, {@code repository:issues} its issues, {@code repository:CONTRIBUTING.md} a
     * file. Without a repository the words stay, unlinked, so a prose page reads the same either
     * way and never carries a broken link.
     */
    public static String expandProse(String markdown, Optional<RepositoryLinks> repository) {
        return PROSE_LINK
                .matcher(markdown)
                .replaceAll(
                        match -> {
                            String words = match.group(1);
                            String target = match.group(2);
                            String replacement =
                                    repository
                                            .map(repo -> "[" + words + "](" + repo.at(target) + ")")
                                            .orElse(words);
                            return java.util.regex.Matcher.quoteReplacement(replacement);
                        });
    }

    /** A place in the repository named by a prose page: "", "issues", "issues/new" or a file. */
    private String at(String target) {
        if (target.isEmpty()) {
            return home;
        }
        if (target.equals("issues") || target.startsWith("issues/") || target.equals("pulls")) {
            return home + "/" + target;
        }
        return file(target);
    }

    private static String normalise(String url) {
        URI uri = URI.create(url);
        String path = trimmed(uri.getRawPath());
        return "https://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + path;
    }

    /** The path without a trailing slash or {@code .git}. */
    private static String trimmed(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.endsWith(".git") ? p.substring(0, p.length() - ".git".length()) : p;
    }

    /**
     * Query encoding with spaces as %20, which every reader of the address decodes the same way.
     */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(encode(part));
        }
        return out.toString();
    }
}
