package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.cli.Main;

/**
 * {@code keizu serve} on the valid fixture registry, in-process on a free port, through real HTTP:
 * what it serves, what it refuses, and how it follows edits of the data. Waits poll with a generous
 * deadline and fail only when it passes; no assertion depends on timing.
 */
class ServeCommandTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String MODEL_PAGE = "/models/national-model/";

    @TempDir Path root;

    private Path data;
    private Path templates;
    private Path out;
    private Preview preview;
    private final StringWriter terminal = new StringWriter();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startPreview() throws IOException {
        data = TestRegistries.validFixture(root);
        templates = root.resolve("templates");
        TestRegistries.copyTree(TestRegistries.TEMPLATES, templates);
        out = root.resolve("preview");
        PrintWriter writer = new PrintWriter(terminal, true);
        preview =
                Preview.start(
                        new Preview.Settings(
                                new RegistryBuild.Options(data, templates, root, Optional.empty()),
                                out,
                                true,
                                0),
                        writer,
                        writer);
    }

    @AfterEach
    void stopPreview() throws IOException {
        preview.close();
    }

    @Test
    void servesTheHomePageWithTheReloadScriptThatTheFileOnDiskLacks() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", header(home, "Content-Type"));
        assertEquals("no-store", header(home, "Cache-Control"));
        assertTrue(
                home.body().contains("<script src=\"/__keizu/reload.js\" data-build=\"1\" defer>"),
                home.body());
        assertTrue(home.body().indexOf("/__keizu/reload.js") < home.body().lastIndexOf("</body>"));
        assertFalse(Files.readString(out.resolve("index.html")).contains("__keizu"));
        assertTrue(terminal.toString().contains("rebuilt "), terminal.toString());

        HttpResponse<String> script = get("/__keizu/reload.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
        assertTrue(script.body().contains("/__keizu/build"));
        assertTrue(script.body().contains("Search is not available in the preview"));
        assertEquals("1", get("/__keizu/build").body());

        HttpResponse<String> head =
                http.send(
                        HttpRequest.newBuilder(address("/"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(
                Integer.toString(
                        home.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                header(head, "Content-Length"));
    }

    @Test
    void sendsEachKindOfFileWithItsType() throws Exception {
        Map<String, String> types =
                Map.of(
                        "css", "text/css; charset=utf-8",
                        "js", "text/javascript; charset=utf-8",
                        "json", "application/json",
                        "xml", "application/xml",
                        "atom", "application/atom+xml",
                        "png", "image/png",
                        "svg", "image/svg+xml",
                        "csv", "text/csv; charset=utf-8",
                        "txt", "text/plain; charset=utf-8");
        for (Map.Entry<String, String> type : types.entrySet()) {
            Path file;
            try (var files = Files.walk(out)) {
                file =
                        files.filter(f -> f.toString().endsWith("." + type.getKey()))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("no ." + type.getKey()));
            }
            String path = "/" + out.relativize(file).toString().replace('\\', '/');
            HttpResponse<byte[]> response =
                    http.send(
                            HttpRequest.newBuilder(address(path)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), path);
            assertEquals(type.getValue(), header(response, "Content-Type"), path);
            assertTrue(Arrays.equals(Files.readAllBytes(file), response.body()), path);
        }
        HttpResponse<String> folder = get("/models/national-model");
        assertEquals(301, folder.statusCode());
        assertEquals(MODEL_PAGE, header(folder, "Location"));
    }

    @Test
    void refusesPathsThatLeaveTheOutputFolderAndMethodsOtherThanGetAndHead() throws Exception {
        Files.writeString(root.resolve("secret.txt"), "not for the browser");
        for (String path :
                new String[] {
                    "/../secret.txt",
                    "/%2e%2e/secret.txt",
                    "/%2E%2E/secret.txt",
                    "/models/%2e%2e/%2e%2e/secret.txt",
                    "/..%2fsecret.txt",
                    "/..%5csecret.txt",
                    "/index.html%00",
                    "/%c0%ae%c0%ae/secret.txt"
                }) {
            HttpResponse<String> response = get(path);
            assertEquals(400, response.statusCode(), path);
            assertFalse(response.body().contains("not for the browser"), path);
        }
        HttpResponse<String> post =
                http.send(
                        HttpRequest.newBuilder(address("/"))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", header(post, "Allow"));
        HttpResponse<String> delete =
                http.send(
                        HttpRequest.newBuilder(address("/index.html")).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    @Test
    void aMissingPageIsTheSitesOwn404() throws Exception {
        HttpResponse<String> missing = get("/models/no-such-model/");
        assertEquals(404, missing.statusCode());
        assertEquals("text/html; charset=utf-8", header(missing, "Content-Type"));
        String notFound = Files.readString(out.resolve("404.html"));
        assertEquals(PreviewHandler.withReloadScript(notFound, preview.builds()), missing.body());
    }

    @Test
    void followsEditsShowsErrorsAndComesBackWhenTheyAreFixed() throws Exception {
        Path record = data.resolve("models/national-model.yaml");
        String original = Files.readString(record);
        assertTrue(get(MODEL_PAGE).body().contains("National Model"));
        long first = preview.builds();

        Files.writeString(record, original.replace("name: National Model", "name: Renamed Model"));
        HttpResponse<String> renamed = await(MODEL_PAGE, r -> r.body().contains("Renamed Model"));
        assertEquals(200, renamed.statusCode());
        // The page's own long poll: answered once the rebuild is complete, with the new number.
        long afterRename = Long.parseLong(get("/__keizu/build?after=" + first).body());
        assertTrue(afterRename > first, "the build number advanced: " + afterRename);

        Files.writeString(
                record,
                original.replace(
                        "base: base-model\n    relation", "base: deepseek-v9\n    relation"));
        HttpResponse<String> broken =
                await(MODEL_PAGE, r -> r.body().contains("REF-002 unknown-base"));
        assertEquals(500, broken.statusCode());
        assertTrue(broken.body().contains("&quot;deepseek-v9&quot;"), broken.body());
        assertTrue(broken.body().contains("<script src=\"/__keizu/reload.js\""));
        assertEquals(500, get("/").statusCode(), "every page is the error page");
        assertEquals(500, get("/no/such/page/").statusCode());
        assertEquals(200, get("/__keizu/reload.js").statusCode(), "the script still loads");
        assertTrue(terminal.toString().contains("error [REF-002 unknown-base]"));
        assertTrue(terminal.toString().contains("1 error(s): the preview shows them"));

        Files.writeString(record, original);
        HttpResponse<String> fixed = await(MODEL_PAGE, r -> r.statusCode() == 200);
        assertTrue(fixed.body().contains("National Model"), fixed.body());
        assertFalse(fixed.body().contains("Renamed Model"));
        assertEquals(original, Files.readString(record), "serve never writes into data/");
    }

    @Test
    void aSecondPreviewOnTheSamePortIsToldToChooseAnother() {
        StringWriter err = new StringWriter();
        StringWriter stdout = new StringWriter();
        int code =
                Main.run(
                        new String[] {
                            "serve",
                            "--port",
                            Integer.toString(preview.port()),
                            "--data",
                            data.toString(),
                            "--templates",
                            templates.toString()
                        },
                        new PrintWriter(stdout),
                        new PrintWriter(err));
        assertEquals(1, code);
        assertTrue(
                err.toString()
                        .contains(
                                "keizu: port "
                                        + preview.port()
                                        + " is in use; choose another with --port N"),
                err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void refusesAnOutputFolderHoldingOtherFiles() throws Exception {
        Path foreign = root.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        new String[] {
                            "serve",
                            "--port",
                            "0",
                            "--out",
                            foreign.toString(),
                            "--data",
                            data.toString(),
                            "--templates",
                            templates.toString()
                        },
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err));
        assertEquals(1, code);
        assertTrue(err.toString().contains("holds files Keizu did not write"), err.toString());
        assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
        assertEquals(
                2,
                Main.run(
                        new String[] {
                            "serve",
                            "--port",
                            "0",
                            "--out",
                            data.resolve("site").toString(),
                            "--data",
                            data.toString(),
                            "--templates",
                            templates.toString()
                        },
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter())));
    }

    @Test
    void stoppingDeletesItsTemporaryFolderAndNothingElse() throws Exception {
        Map<String, byte[]> dataBefore = TestRegistries.snapshot(data);
        Map<String, byte[]> templatesBefore = TestRegistries.snapshot(templates);
        preview.close();
        assertFalse(Files.exists(out));
        assertTrue(Files.exists(root.resolve("data")));
        assertSame(dataBefore, TestRegistries.snapshot(data));
        assertSame(templatesBefore, TestRegistries.snapshot(templates));
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, after.get(path)), path));
    }

    /** Asks for {@code path} until the answer passes {@code test}; fails after the deadline. */
    private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> test)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = get(path);
        while (!test.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("no such page within " + DEADLINE + "; last:\n" + last.body() + terminal);
            }
            Thread.sleep(100);
            last = get(path);
        }
        return last;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(address(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI address(String path) {
        return URI.create("http://127.0.0.1:" + preview.port() + path);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
