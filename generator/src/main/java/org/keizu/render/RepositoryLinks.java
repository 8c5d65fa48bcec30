package org.keizu.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keizu.model.UrlPolicy;

/**
 * The addresses in the registry's repository that let a reader act on a page: one of the
 * repository's issue forms with the page or model already filled in (a correction, a makers'
 * reply), a blank new issue with its title and body filled in (anything else, such as the 404
 * page's broken link), a record's file opened for editing, a document of the repository. They
 * follow GitHub's scheme ({@code /issues/new?template=<form>.yml&title=&<field id>=}, {@code
 * /issues/new?title=&body=}, {@code /edit/<branch>/<path>}, {@code /blob/<branch>/<path>}). The
 * repository is configured once, by {@code keizu build --repo-url}; without it a site shows none of
 * these links.
 *
 * <p>Pre-filling an issue form by its address is GitHub's documented behaviour: "Creating an issue
 * from a URL query"
 * (https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/creating-an-issue#creating-an-issue-from-a-url-query)
 * lists {@code template} (a file in {@code .github/ISSUE_TEMPLATE}), {@code title} and {@code
 * labels}, and says query parameters also fill an issue form's custom text fields; the form schema
 * (https://docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-githubs-form-schema#keys)
 * makes a field's {@code id} "the canonical identifier for the field in URL query parameter
 * prefills". The first page also warns that {@code labels} needs permission to label issues, which
 * readers lack (GitHub then answers 404), so no link sends it: each form applies its own labels;
 * and that an address over the server's limit is refused (414), so every value is capped at {@link
 * #MAX_VALUE} characters.
 *
 * <pre>
 *   RepositoryLinks repo = RepositoryLinks.of("https://github.com/owner/keizu");
 *   repo.edit("data/models/kimi-k2.yaml");   // https://github.com/owner/keizu/edit/main/data/models/kimi-k2.yaml
 *   repo.correction("Correction: Kimi K2", "https://example.org/models/kimi-k2/");
 *   // the correction form, its title and its page field filled in
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

    /**
     * The most characters (code points) any one value of an issue's address carries: a page's title
     * and address are far shorter, and even 300 characters of CJK text, nine bytes each once
     * encoded, keep an address well within what GitHub accepts.
     */
    public static final int MAX_VALUE = 300;

    /**
     * The issue forms in {@code .github/ISSUE_TEMPLATE} the site links to, and the fields each link
     * fills: every one the {@code id} of a text field ({@code input} or {@code textarea}) of that
     * form. This is the one list the site and the forms agree on; {@code WorkflowFilesTest} fails
     * when a form file is missing or no longer has one of these fields, and {@code ReaderPagesTest}
     * when a built page sends anything else.
     */
    public enum IssueForm {
        /** "Suggest a correction", on every page. */
        CORRECTION("correction.yml", List.of("page")),
        /** "Makers: reply", on every evidence page. */
        MAKERS_REPLY("makers-reply.yml", List.of("model", "page"));

        private final String file;
        private final List<String> fields;

        IssueForm(String file, List<String> fields) {
            this.file = file;
            this.fields = fields;
        }

        /** The form's file name in {@code .github/ISSUE_TEMPLATE}, the {@code template} value. */
        public String file() {
            return file;
        }

        /**
         * The ids of the form's fields that the site fills, in the order the address gives them.
         */
        public List<String> fields() {
            return fields;
        }
    }

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

    /**
     * A blank new issue (no form) with its title and body filled in; the reader can change both
     * before sending. For what no form is made for, such as a broken link.
     */
    public String newIssue(String title, String body) {
        return home
                + "/issues/new?title="
                + encode(capped(title))
                + "&body="
                + encode(capped(body));
    }

    /** The correction form, titled {@code title}, with its page field set to {@code page}. */
    public String correction(String title, String page) {
        return issueForm(IssueForm.CORRECTION, title, Map.of("page", page));
    }

    /**
     * The makers' reply form, titled {@code title}, with its model field set to {@code model} and
     * its page field to {@code page}, the model's evidence page.
     */
    public String makersReply(String title, String model, String page) {
        return issueForm(IssueForm.MAKERS_REPLY, title, Map.of("model", model, "page", page));
    }

    /**
     * The issue form {@code form}, titled {@code title}, with {@code fields} (field id to value)
     * filled in; the reader can change each before sending. A field the form does not have is an
     * {@link IllegalArgumentException}: GitHub would drop it without a word.
     */
    public String issueForm(IssueForm form, String title, Map<String, String> fields) {
        List<String> unknown = new ArrayList<>(fields.keySet());
        unknown.removeAll(form.fields());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    form.file() + " has no field the site fills named " + unknown);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("template", form.file());
        query.put("title", title);
        for (String field : form.fields()) {
            if (fields.containsKey(field)) {
                query.put(field, fields.get(field));
            }
        }
        StringBuilder href = new StringBuilder(home).append("/issues/new");
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            href.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(encode(capped(parameter.getValue())));
            separator = '&';
        }
        return href.toString();
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

    /**
     * {@code text}, or its first {@link #MAX_VALUE} - 1 characters and an ellipsis when longer; a
     * character outside the BMP is never cut in two.
     */
    static String capped(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_VALUE) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
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
