package org.keizu.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.render.RepositoryLinks;

/**
 * The repository's GitHub files keep their promises: least privilege, actions pinned by commit, no
 * {@code pull_request_target}, the history wherever the build reads it, named jobs with timeouts,
 * the Pages deployment's permissions and environment, issue forms GitHub accepts, and every form
 * the site links to there with each field the site fills ({@link RepositoryLinks.IssueForm}). Each
 * rule is also shown to fail: a copy of the real files, broken in one place, must be caught.
 */
class WorkflowFilesTest {
    private static final Path GITHUB = TestRegistries.REPO.resolve(".github");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PINNED = Pattern.compile("[^@\\s]+@[0-9a-f]{40}");
    private static final Pattern PIN_LINE =
            Pattern.compile("uses:\\s*([^\\s#]+)@[0-9a-f]{40}\\s+#\\s*v\\d+(\\.\\d+)*\\s*$");

    /** The jobs that may be granted a write permission, and which ones. */
    private static final Map<String, Set<String>> WRITES =
            Map.of(
                    "pages.yml/deploy", Set.of("pages", "id-token"),
                    "upstream.yml/report", Set.of("issues"));

    @Test
    void theRealFilesBreakNoRule() throws IOException {
        assertEquals(List.of(), problems(GITHUB));
        try (Stream<Path> files = Files.list(GITHUB.resolve("workflows"))) {
            assertEquals(
                    Set.of("pull-request.yml", "pages.yml", "upstream.yml"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
        try (Stream<Path> files = Files.list(GITHUB.resolve("ISSUE_TEMPLATE"))) {
            assertTrue(
                    files.map(p -> p.getFileName().toString())
                            .toList()
                            .containsAll(
                                    List.of(
                                            "new-model.yml",
                                            "correction.yml",
                                            "makers-reply.yml",
                                            "config.yml")));
        }
        assertTrue(Files.isRegularFile(GITHUB.resolve("PULL_REQUEST_TEMPLATE.md")));
        String owners = Files.readString(GITHUB.resolve("CODEOWNERS"));
        assertTrue(owners.contains("/data/ ") && owners.contains("placeholder".toUpperCase()));
    }

    @Test
    void theWorkflowsDoWhatTheIssueAsks() throws IOException {
        JsonNode pr = read(GITHUB.resolve("workflows/pull-request.yml"));
        assertTrue(on(pr).has("pull_request"));
        assertEquals(Set.of("validate", "test", "preview"), fieldNames(pr.get("jobs")));
        assertTrue(runs(pr.get("jobs").get("validate")).contains("validate --format github"));
        assertTrue(runs(pr.get("jobs").get("test")).contains("bash .ci/run"));
        String preview = runs(pr.get("jobs").get("preview"));
        assertTrue(
                preview.contains("keizu.jar compare") && preview.contains("GITHUB_STEP_SUMMARY"));
        assertTrue(uses(pr.get("jobs").get("preview")).contains("actions/upload-artifact"));

        JsonNode pages = read(GITHUB.resolve("workflows/pages.yml"));
        assertTrue(on(pages).has("push") && on(pages).has("workflow_dispatch"));
        String build = runs(pages.get("jobs").get("build"));
        assertTrue(build.contains("--base-url") && build.contains("--origin"), build);
        assertTrue(
                build.contains("--repo-url https://github.com/${{ github.repository }}")
                        || pages.toString()
                                .contains("https://github.com/${{ github.repository }}"));
        assertFalse(build.contains("--no-search"), "the published site has search");

        JsonNode upstream = read(GITHUB.resolve("workflows/upstream.yml"));
        assertTrue(on(upstream).has("schedule") && on(upstream).has("workflow_dispatch"));
        assertTrue(runs(upstream.get("jobs").get("check")).contains("fetch --check --all"));
        assertTrue(runs(upstream.get("jobs").get("report")).contains("gh issue"));
    }

    // Each rule, broken once in a copy of the real files.

    @Test
    void aWorkflowWithoutTopLevelPermissionsFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pages.yml",
                "permissions:\n  contents: read\n\nconcurrency",
                "concurrency",
                "pages.yml: no top-level permissions");
    }

    @Test
    void aTopLevelWriteFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "upstream.yml",
                "permissions:\n  contents: read\n\nconcurrency",
                "permissions:\n  contents: write\n\nconcurrency",
                "upstream.yml: top-level permissions grant contents: write");
    }

    @Test
    void aWriteInAnotherJobFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pages.yml",
                "      pages: read # configure-pages",
                "      pages: write # configure-pages",
                "pages.yml/build: grants pages: write");
    }

    @Test
    void aWriteAllFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "upstream.yml",
                "    permissions:\n      issues: write",
                "    permissions: write-all",
                "upstream.yml/report: grants write-all");
    }

    @Test
    void anActionPinnedByTagFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pull-request.yml",
                "actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a # v7.0.1",
                "actions/upload-artifact@v7",
                "pull-request.yml/preview: actions/upload-artifact@v7 is not pinned to a commit");
    }

    @Test
    void aPinWithoutItsReleaseCommentFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pages.yml",
                "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5",
                "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
                "pages.yml: a pinned uses: without its release as a comment");
    }

    @Test
    void pullRequestTargetFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pull-request.yml",
                "on:\n  pull_request:\n",
                "on:\n  pull_request_target:\n",
                "pull-request.yml: runs on pull_request_target");
    }

    @Test
    void aShallowCheckoutInABuildingJobFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pages.yml",
                "          fetch-depth: 0\n",
                "          fetch-depth: 1\n",
                "pages.yml/build: a checkout without fetch-depth: 0");
    }

    @Test
    void aJobWithoutANameFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "upstream.yml",
                "    name: Check the hub for changed files\n",
                "",
                "upstream.yml/check: no name");
    }

    @Test
    void aJobWithoutATimeoutFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pull-request.yml",
                "    timeout-minutes: 20\n",
                "",
                "pull-request.yml/validate: no timeout-minutes");
    }

    @Test
    void aWorkflowWithoutConcurrencyFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "upstream.yml",
                "concurrency:\n  group: upstream\n  cancel-in-progress: false\n",
                "",
                "upstream.yml: no concurrency group");
    }

    @Test
    void aPagesDeployWithoutItsPermissionsOrEnvironmentFails(@TempDir Path dir) throws IOException {
        assertCaught(
                dir,
                "pages.yml",
                "      id-token: write\n",
                "",
                "pages.yml: no job deploys with pages: write, id-token: write and the github-pages environment");
        assertCaught(
                dir,
                "pages.yml",
                "      name: github-pages\n",
                "      name: production\n",
                "pages.yml: no job deploys with pages: write, id-token: write and the github-pages environment");
    }

    @Test
    void anIssueFormWithoutItsKeysFails(@TempDir Path dir) throws IOException {
        assertFormCaught(
                dir,
                "correction.yml",
                "description: Say what is wrong",
                "about: Say what is wrong",
                "correction.yml: no description");
        assertFormCaught(
                dir,
                "makers-reply.yml",
                "    id: response\n",
                "",
                "makers-reply.yml: body[3] (textarea) has no id");
        assertFormCaught(dir, "new-model.yml", "name: New model\n", "", "new-model.yml: no name");
        assertFormCaught(dir, "correction.yml", "body:\n", "fields:\n", "correction.yml: no body");
        assertFormCaught(
                dir,
                "correction.yml",
                "    id: should\n",
                "    id: what\n",
                "correction.yml: id what is used twice");
    }

    @Test
    void aFormTheSiteFillsWithoutThatFieldFails(@TempDir Path dir) throws IOException {
        assertFormCaught(
                dir,
                "correction.yml",
                "    id: page\n",
                "    id: address\n",
                "correction.yml: the site fills page, which is no text field of the form");
        assertFormCaught(
                dir,
                "makers-reply.yml",
                "  - type: input\n    id: model\n",
                "  - type: dropdown\n    id: model\n",
                "makers-reply.yml: the site fills model, which is no text field of the form");
    }

    @Test
    void aFormTheSiteLinksToThatIsGoneFails(@TempDir Path dir) throws IOException {
        Path github = copy(Files.createTempDirectory(dir, "copy"));
        Files.delete(github.resolve("ISSUE_TEMPLATE/makers-reply.yml"));
        List<String> problems = problems(github);
        assertTrue(
                problems.contains(
                        "makers-reply.yml: the site links to this form, which is missing"),
                problems.toString());
    }

    @Test
    void theSiteFillsOnlyFormsAndFieldsThatExist() throws IOException {
        assertEquals(
                Set.of("correction.yml", "makers-reply.yml"),
                Set.of(RepositoryLinks.IssueForm.values()).stream()
                        .map(RepositoryLinks.IssueForm::file)
                        .collect(java.util.stream.Collectors.toSet()));
        for (RepositoryLinks.IssueForm form : RepositoryLinks.IssueForm.values()) {
            Set<String> fields =
                    IssueFormFields.textFields(GITHUB.resolve("ISSUE_TEMPLATE/" + form.file()))
                            .orElseThrow();
            assertTrue(fields.containsAll(form.fields()), form + ": " + fields);
        }
    }

    // The rules.

    /** Every rule broken by the files under {@code github}, one line each. */
    static List<String> problems(Path github) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(github.resolve("workflows"))) {
            for (Path file : files.sorted().toList()) {
                workflow(file, problems);
            }
        }
        try (Stream<Path> files = Files.list(github.resolve("ISSUE_TEMPLATE"))) {
            for (Path file : files.sorted().toList()) {
                issueForm(file, problems);
            }
        }
        for (RepositoryLinks.IssueForm form : RepositoryLinks.IssueForm.values()) {
            linkedForm(github.resolve("ISSUE_TEMPLATE"), form, problems);
        }
        return problems;
    }

    private static void workflow(Path file, List<String> problems) throws IOException {
        String name = file.getFileName().toString();
        JsonNode flow = read(file);
        if (on(flow).has("pull_request_target")) {
            problems.add(name + ": runs on pull_request_target");
        }
        if (!flow.has("permissions")) {
            problems.add(name + ": no top-level permissions");
        } else {
            writes(flow.get("permissions"))
                    .forEach(w -> problems.add(name + ": top-level permissions grant " + w));
        }
        if (!flow.path("concurrency").has("group") && !flow.path("concurrency").isTextual()) {
            problems.add(name + ": no concurrency group");
        }
        for (String line : Files.readAllLines(file)) {
            String code = line.strip();
            if (code.startsWith("uses:") || code.startsWith("- uses:")) {
                String target = code.replaceFirst("^-?\\s*uses:\\s*", "").split("\\s")[0];
                if (PINNED.matcher(target).matches()
                        && !PIN_LINE.matcher(code.replaceFirst("^-\\s*", "")).find()) {
                    problems.add(name + ": a pinned uses: without its release as a comment");
                }
            }
        }
        boolean deploys = false;
        for (var entry : flow.path("jobs").properties()) {
            String where = name + "/" + entry.getKey();
            JsonNode job = entry.getValue();
            if (!job.hasNonNull("name")) {
                problems.add(where + ": no name");
            }
            if (!job.has("timeout-minutes")) {
                problems.add(where + ": no timeout-minutes");
            }
            Set<String> allowed = WRITES.getOrDefault(where, Set.of());
            for (String w : writes(job.path("permissions"))) {
                String scope = w.replaceFirst(": write$", "");
                if (w.equals("write-all") || !allowed.contains(scope)) {
                    problems.add(where + ": grants " + w);
                }
            }
            if (job.has("uses")) {
                checkUses(where, job.get("uses").asText(), problems);
            }
            boolean buildsOrReadsHistory =
                    runs(job).matches("(?s).*(keizu\\.jar|mvn |\\.ci/run).*");
            for (JsonNode step : job.path("steps")) {
                if (step.has("uses")) {
                    String uses = step.get("uses").asText();
                    checkUses(where, uses, problems);
                    if (uses.startsWith("actions/checkout@") && buildsOrReadsHistory) {
                        JsonNode depth = step.path("with").path("fetch-depth");
                        if (!depth.asText().equals("0")) {
                            problems.add(where + ": a checkout without fetch-depth: 0");
                        }
                    }
                }
            }
            JsonNode permissions = job.path("permissions");
            JsonNode environment = job.path("environment");
            String environmentName =
                    environment.isTextual()
                            ? environment.asText()
                            : environment.path("name").asText();
            if (permissions.path("pages").asText().equals("write")
                    && permissions.path("id-token").asText().equals("write")
                    && environmentName.equals("github-pages")
                    && uses(job).contains("actions/deploy-pages@")) {
                deploys = true;
            }
        }
        if (name.equals("pages.yml") && !deploys) {
            problems.add(
                    name
                            + ": no job deploys with pages: write, id-token: write and the"
                            + " github-pages environment");
        }
    }

    private static void checkUses(String where, String uses, List<String> problems) {
        if (uses.startsWith("./")) {
            return;
        }
        if (uses.startsWith("docker://")
                ? !uses.contains("@sha256:")
                : !PINNED.matcher(uses).matches()) {
            problems.add(where + ": " + uses + " is not pinned to a commit");
        }
    }

    /** The write grants of a permissions block: "scope: write" each, or "write-all". */
    private static List<String> writes(JsonNode permissions) {
        List<String> writes = new ArrayList<>();
        if (permissions.isTextual()) {
            if (!permissions.asText().equals("read-all")) {
                writes.add(permissions.asText());
            }
            return writes;
        }
        permissions
                .properties()
                .forEach(
                        e -> {
                            if (e.getValue().asText().equals("write")) {
                                writes.add(e.getKey() + ": write");
                            }
                        });
        return writes;
    }

    private static void issueForm(Path file, List<String> problems) throws IOException {
        String name = file.getFileName().toString();
        JsonNode form = read(file);
        if (name.equals("config.yml")) {
            if (!form.path("blank_issues_enabled").isBoolean()) {
                problems.add(name + ": blank_issues_enabled is not true or false");
            }
            return;
        }
        for (String key : List.of("name", "description")) {
            if (!form.path(key).isTextual() || form.path(key).asText().isBlank()) {
                problems.add(name + ": no " + key);
            }
        }
        JsonNode body = form.path("body");
        if (!body.isArray() || body.isEmpty()) {
            problems.add(name + ": no body");
            return;
        }
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode element : body) {
            String type = element.path("type").asText();
            String where = name + ": body[" + index++ + "] (" + type + ")";
            if (!Set.of("markdown", "input", "textarea", "dropdown", "checkboxes").contains(type)) {
                problems.add(where + " has an unknown type");
            }
            if (type.equals("markdown")) {
                continue;
            }
            String id = element.path("id").asText();
            if (id.isEmpty()) {
                problems.add(where + " has no id");
            } else if (!id.matches("[a-z0-9_-]+")) {
                problems.add(where + " has an id GitHub refuses: " + id);
            } else if (!ids.add(id)) {
                problems.add(name + ": id " + id + " is used twice");
            }
            if (element.path("attributes").path("label").asText().isBlank()) {
                problems.add(where + " has no label");
            }
        }
    }

    /**
     * A form the site's links open: it exists, and each field the links fill is the id of one of
     * its text fields (GitHub fills no other kind from the address, and drops an unknown one
     * silently).
     */
    private static void linkedForm(
            Path templates, RepositoryLinks.IssueForm form, List<String> problems)
            throws IOException {
        Optional<Set<String>> fields = IssueFormFields.textFields(templates.resolve(form.file()));
        if (fields.isEmpty()) {
            problems.add(form.file() + ": the site links to this form, which is missing");
            return;
        }
        for (String field : form.fields()) {
            if (!fields.get().contains(field)) {
                problems.add(
                        form.file()
                                + ": the site fills "
                                + field
                                + ", which is no text field of the form");
            }
        }
    }

    // Helpers.

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    /** The triggers; YAML 1.1 readers may take the key {@code on} for {@code true}. */
    private static JsonNode on(JsonNode flow) {
        return flow.has("on") ? flow.get("on") : flow.path("true");
    }

    private static String runs(JsonNode job) {
        StringBuilder all = new StringBuilder();
        job.path("steps").forEach(s -> all.append(s.path("run").asText()).append('\n'));
        return all.toString();
    }

    private static String uses(JsonNode job) {
        StringBuilder all = new StringBuilder();
        job.path("steps").forEach(s -> all.append(s.path("uses").asText()).append('\n'));
        return all.toString();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path copy(Path dir) throws IOException {
        Path github = dir.resolve(".github");
        TestRegistries.copyTree(GITHUB, github);
        return github;
    }

    private static void assertCaught(
            Path dir, String workflow, String from, String to, String expected) throws IOException {
        assertBroken(dir, "workflows/" + workflow, from, to, expected);
    }

    private static void assertFormCaught(
            Path dir, String form, String from, String to, String expected) throws IOException {
        assertBroken(dir, "ISSUE_TEMPLATE/" + form, from, to, expected);
    }

    private static void assertBroken(Path dir, String file, String from, String to, String expected)
            throws IOException {
        Path github = copy(Files.createTempDirectory(dir, "copy"));
        Path target = github.resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(from), file + " no longer contains: " + from);
        Files.writeString(
                target,
                text.replaceFirst(
                        Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        List<String> problems = problems(github);
        assertTrue(problems.contains(expected), expected + " not in " + problems);
    }
}
