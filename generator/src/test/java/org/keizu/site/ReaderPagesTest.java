package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.repo.IssueFormFields;

/**
 * The real registry built as a reader meets it, with the repository named: every page offers the
 * correction form with its address filled in, every evidence page the makers' reply form with its
 * model filled in and its record's file to edit (each parameter a field of the form's YAML), and no
 * page shows a command, a file of the registry's own or a flag where readers' words belong. Built
 * once, without the search index.
 */
class ReaderPagesTest {
    static final String REPO = "https://github.com/keizu-example/keizu";
    static final String ORIGIN = "https://example.org";
    static final String BASE = "/keizu/";

    @TempDir static Path root;
    static Path site;

    @BeforeAll
    static void build() throws IOException {
        site = root.resolve("site");
        RegistryBuild.Result result =
                new RegistryBuild(
                                new RegistryBuild.Options(
                                        TestRegistries.REAL_DATA,
                                        TestRegistries.TEMPLATES,
                                        TestRegistries.REPO,
                                        Optional.empty()))
                        .build(new RegistryBuild.Output(site, BASE, ORIGIN, false, REPO));
        assertFalse(result.findings().hasErrors(), result.findings().sorted().toString());
    }

    static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }

    /** The query parameters of a pre-filled new issue, decoded. */
    static Map<String, String> query(String href) {
        assertTrue(href.startsWith(REPO + "/issues/new?"), href);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(href).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            assertFalse(params.containsKey(name), href + ": " + name + " twice");
            params.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** A blank new issue, with its title and body filled in and no form. */
    static Map<String, String> blankIssue(String href) {
        Map<String, String> params = query(href);
        assertEquals(Set.of("title", "body"), params.keySet(), href);
        return params;
    }

    /**
     * An issue form with fields filled in: the form {@code template} names is a file of the
     * repository's {@code .github/ISSUE_TEMPLATE}, and every other parameter than the template and
     * the title is the id of one of that form's text fields, read from its YAML.
     */
    static Map<String, String> formIssue(String href, String template) throws IOException {
        Map<String, String> params = query(href);
        assertEquals(template, params.get("template"), href);
        Optional<Set<String>> fields =
                IssueFormFields.textFields(
                        TestRegistries.REPO.resolve(".github/ISSUE_TEMPLATE").resolve(template));
        assertTrue(fields.isPresent(), href + ": the form " + template + " does not exist");
        for (String name : params.keySet()) {
            assertTrue(
                    name.equals("template") || name.equals("title") || fields.get().contains(name),
                    href + ": " + name + " is no field of " + template + " " + fields.get());
        }
        return params;
    }

    /** A message in the language of the page at {@code rel}. */
    private static String message(String rel, String key) {
        for (org.keizu.render.Language language : org.keizu.render.Language.values()) {
            if (!language.folder().isEmpty() && rel.startsWith(language.folder())) {
                return org.keizu.render.Messages.bundle(TestRegistries.TEMPLATES, language)
                        .get(key);
            }
        }
        return org.keizu.render.Messages.bundle(TestRegistries.TEMPLATES).get(key);
    }

    @Test
    void everyPageOffersACorrectionThatNamesIt() throws IOException {
        List<Path> pages = pages(site);
        assertTrue(pages.size() > 50, "the whole site: " + pages.size());
        for (Path page : pages) {
            String rel = site.relativize(page).toString().replace('\\', '/');
            Element link = parse(page).selectFirst("footer .act-footer a");
            assertTrue(link != null, rel + ": no correction link in the footer");
            assertEquals(message(rel, "act_correction"), link.text(), rel);
            if (rel.equals("404.html")) {
                assertEquals("Broken link", blankIssue(link.attr("href")).get("title"));
                continue;
            }
            Map<String, String> issue = formIssue(link.attr("href"), "correction.yml");
            String address = ORIGIN + BASE + rel.substring(0, rel.length() - "index.html".length());
            assertEquals(Set.of("template", "title", "page"), issue.keySet(), rel);
            String prefix = message(rel, "act_correction_title").replace("{0}", "");
            assertTrue(issue.get("title").startsWith(prefix), rel + ": " + issue);
            assertTrue(
                    issue.get("title").length() > prefix.length(),
                    rel + ": the title names the page");
            assertEquals(address, issue.get("page"), rel + ": the form's page is the page");
        }
    }

    @Test
    void everyEvidencePageOffersTheMakersAReplyAndItsRecordToEdit() throws IOException {
        List<Loaded<Model>> models = TestRegistries.checkReal().registry().models();
        assertFalse(models.isEmpty());
        for (Loaded<Model> loaded : models) {
            Model model = loaded.record();
            Document page = parse(site.resolve("models/" + model.id() + "/index.html"));
            Element act = page.selectFirst("section[aria-labelledby=act]");
            assertTrue(act != null, model.id() + ": no section to act on the record");
            assertEquals(
                    List.of("Suggest a correction", "Makers: reply", "Edit this record"),
                    act.select("a").eachText(),
                    model.id());

            Map<String, String> correction =
                    formIssue(act.select("a").get(0).attr("href"), "correction.yml");
            assertEquals("Correction: " + model.name(), correction.get("title"));
            assertEquals(
                    page.selectFirst("footer .act-footer a").attr("href"),
                    act.select("a").get(0).attr("href"),
                    model.id() + ": the footer and the section suggest the same correction");

            Map<String, String> reply =
                    formIssue(act.select("a").get(1).attr("href"), "makers-reply.yml");
            assertEquals(Set.of("template", "title", "model", "page"), reply.keySet());
            assertEquals("Makers' response: " + model.name(), reply.get("title"));
            assertEquals(model.name(), reply.get("model"));
            assertEquals(ORIGIN + BASE + "models/" + model.id() + "/", reply.get("page"));

            String edit = act.select("a").get(2).attr("href");
            String prefix = REPO + "/edit/main/";
            assertTrue(edit.startsWith(prefix), edit);
            String file = edit.substring(prefix.length());
            assertEquals(loaded.file(), file, model.id() + ": the record's real path");
            assertTrue(
                    Files.isRegularFile(TestRegistries.REPO.resolve(file)),
                    model.id() + ": " + file + " is a file of the repository");

            if (model.response() == null) {
                Element invite = page.selectFirst("section[aria-labelledby=response] p a");
                assertTrue(invite != null, model.id() + ": the invitation to reply is a link");
                assertEquals(act.select("a").get(1).attr("href"), invite.attr("href"));
            }
        }
    }

    @Test
    void proseLinksIntoTheRepositoryAreComplete() throws IOException {
        Document contribute = parse(site.resolve("contribute/index.html"));
        List<String> hrefs = contribute.select("main a[href]").eachAttr("href");
        assertTrue(hrefs.contains(REPO + "/blob/main/CONTRIBUTING.md"), hrefs.toString());
        assertTrue(hrefs.contains(REPO), hrefs.toString());
        assertTrue(
                Files.isRegularFile(TestRegistries.REPO.resolve("CONTRIBUTING.md")),
                "the contributing guide the page links to exists");
        for (Path page : pages(site)) {
            for (String href : parse(page).select("a[href]").eachAttr("href")) {
                assertFalse(href.startsWith("repository:"), page + ": " + href);
            }
        }
    }

    @Test
    void withoutARepositoryNoPageLinksToOne(@TempDir Path other) throws IOException {
        TestRegistries.validFixture(other);
        Path plain = other.resolve("site");
        new RegistryBuild(TestRegistries.options(other)).build(plain, "/");
        List<Path> pages = pages(plain);
        assertFalse(pages.isEmpty());
        for (Path page : pages) {
            Document doc = parse(page);
            assertTrue(
                    doc.select(".act-footer, section[aria-labelledby=act]").isEmpty(), "" + page);
            for (String href : doc.select("a[href]").eachAttr("href")) {
                assertFalse(href.contains("/issues/new"), page + ": " + href);
                assertFalse(href.startsWith("repository:"), page + ": " + href);
            }
        }
    }

    @Test
    void readersSeeNoCommandFileOrFlagOfTheRegistrysOwn() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages(site)) {
            String rel = site.relativize(page).toString().replace('\\', '/');
            Document doc = parse(page);
            Element past = doc.selectFirst("section.version-past");
            if (past != null) {
                // An earlier version shows the record as it then stood, words and all, as it was
                // published and cited; its banner tells readers the record has changed since. The
                // frame around it is the same as on every other evidence page, scanned there.
                assertTrue(past.text().contains("has changed since"), rel);
                continue;
            }
            for (String phrase : ProcessText.find(doc)) {
                problems.add(rel + ": " + phrase);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theScanFindsProcessTextWhereverItHides() {
        Document page =
                Jsoup.parse(
                        "<html><body><main><p>Running keizu fetch with network access fills the"
                                + " gap.</p><p>See <code>data/models/x.yaml</code> and"
                                + " CONTRIBUTING.md.</p><pre>mvn -q package\njava -jar"
                                + " generator/target/keizu.jar validate --list-checks</pre>"
                                + "<p>The research notes record only the site.</p>"
                                + "<p>The config.json and tokenizer.json of the makers.</p>"
                                + "<p hidden>keizu build</p></main><footer><a"
                                + " href=\"/data/registry.json\">registry.json</a> <a"
                                + " href=\"/x/\">snapshot.json</a></footer></body></html>");
        assertEquals(
                List.of(
                        "keizu fetch",
                        "data/",
                        "x.yaml",
                        "CONTRIBUTING.md",
                        "mvn",
                        "java -jar",
                        "generator/",
                        "keizu.jar",
                        "--list-checks",
                        "research notes",
                        "snapshot.json"),
                ProcessText.find(page));
    }

    /**
     * What betrays the registry's workings on a reader's page, in the text a reader sees (hidden
     * elements, scripts and styles left out). Allowed, each for a reason:
     *
     * <ul>
     *   <li>the makers' own files ({@code config.json}, {@code tokenizer.json}, a card's {@code
     *       README.md}): they are the evidence, named as readers meet them on the hub;
     *   <li>an open-data file named in the link that downloads it ({@code registry.json}): the name
     *       is what the reader gets.
     * </ul>
     */
    static final class ProcessText {
        private static final List<Pattern> PATTERNS =
                List.of(
                        Pattern.compile("(?i)\\bkeizu\\s+(build|validate|fetch|detect)\\b"),
                        Pattern.compile("(?<![\\w./-])(data|templates|generator|snapshots)/"),
                        Pattern.compile(
                                "\\b[\\w.-]+\\.(ya?ml|json|csv|ftlh|properties|java|jar)\\b"
                                        + "|\\b(CONTRIBUTING|HACKING|SECURITY)\\.md\\b"),
                        Pattern.compile("\\bmvn\\b|\\bnpm\\b|\\bjava -jar\\b"),
                        Pattern.compile("(?<![\\w-])--[a-z][\\w-]*"),
                        Pattern.compile(
                                "(?i)\\b(research notes|notes to self|TODO|FIXME|re-run|run the"
                                        + " command)\\b"));

        /** The makers' files, named as the hub names them. */
        private static final Pattern MAKERS_FILES =
                Pattern.compile(
                        "(config|generation_config|tokenizer|tokenizer_config|preprocessor_config"
                                + "|special_tokens_map|model\\.safetensors\\.index)\\.json");

        private static final Pattern OPEN_DATA = Pattern.compile("[\\w.-]+\\.(json|csv)");

        private ProcessText() {}

        static List<String> find(Document page) {
            Document copy = page.clone();
            copy.select("script, style, [hidden], head").remove();
            for (Element link : copy.select("a[href]")) {
                String href = link.attr("href");
                if (OPEN_DATA.matcher(link.text()).matches() && href.endsWith("/" + link.text())) {
                    link.remove();
                }
            }
            String text = copy.body() == null ? "" : copy.body().text();
            List<Found> found = new ArrayList<>();
            for (Pattern pattern : PATTERNS) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (!MAKERS_FILES.matcher(m.group()).matches()) {
                        found.add(new Found(m.start(), m.group()));
                    }
                }
            }
            return found.stream()
                    .sorted(java.util.Comparator.comparingInt(Found::at))
                    .map(Found::phrase)
                    .toList();
        }

        private record Found(int at, String phrase) {}
    }
}
