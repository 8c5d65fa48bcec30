package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keizu.serve.LivePreview.header;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview server sends, through real HTTP: pages with the reload script the files on disk
 * lack, each file with its type, the site's 404 page, and a refusal for any path that could leave
 * the output folder and for any method but GET and HEAD.
 */
class PreviewServingTest {
    @TempDir Path root;

    private LivePreview live;

    @BeforeEach
    void start() throws Exception {
        live = new LivePreview(root);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void servesTheHomePageWithTheReloadScriptThatTheFileOnDiskLacks() throws Exception {
        HttpResponse<String> home = live.get("/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", header(home, "Content-Type"));
        assertEquals("no-store", header(home, "Cache-Control"));
        assertTrue(
                home.body().contains("<script src=\"/__keizu/reload.js\" data-build=\"1\" defer>"),
                home.body());
        assertTrue(home.body().indexOf("/__keizu/reload.js") < home.body().lastIndexOf("</body>"));
        assertFalse(Files.readString(live.out.resolve("index.html")).contains("__keizu"));
        assertTrue(live.terminal().contains("rebuilt "), live.terminal());

        HttpResponse<String> script = live.get("/__keizu/reload.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
        assertTrue(script.body().contains("/__keizu/build"));
        assertEquals("1", live.get("/__keizu/build").body());

        HttpResponse<String> head =
                live.send(
                        HttpRequest.newBuilder(live.address("/"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(
                Integer.toString(home.body().getBytes(StandardCharsets.UTF_8).length),
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
            try (var files = Files.walk(live.out)) {
                file =
                        files.filter(f -> f.toString().endsWith("." + type.getKey()))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("no ." + type.getKey()));
            }
            String path = "/" + live.out.relativize(file).toString().replace('\\', '/');
            HttpResponse<byte[]> response = live.bytes(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals(type.getValue(), header(response, "Content-Type"), path);
            assertTrue(Arrays.equals(Files.readAllBytes(file), response.body()), path);
        }
        HttpResponse<String> folder = live.get("/models/national-model");
        assertEquals(301, folder.statusCode());
        assertEquals("/models/national-model/", header(folder, "Location"));
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
            HttpResponse<String> response = live.get(path);
            assertEquals(400, response.statusCode(), path);
            assertFalse(response.body().contains("not for the browser"), path);
        }
        HttpResponse<String> post =
                live.send(
                        HttpRequest.newBuilder(live.address("/"))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", header(post, "Allow"));
        HttpResponse<String> delete =
                live.send(HttpRequest.newBuilder(live.address("/index.html")).DELETE().build());
        assertEquals(405, delete.statusCode());
        assertTrue(Files.exists(live.out.resolve("index.html")));
    }

    @Test
    void answersOnlyRequestsAddressedToThisMachine() throws Exception {
        assertEquals(200, live.get("/").statusCode());
        for (String host : new String[] {"evil.example", "evil.example:" + live.preview.port()}) {
            try (Socket socket = new Socket("127.0.0.1", live.preview.port())) {
                socket.getOutputStream()
                        .write(
                                ("GET / HTTP/1.1\r\nHost: "
                                                + host
                                                + "\r\nConnection: close\r\n\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                String answer =
                        new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
                assertFalse(answer.contains("<html"), answer);
            }
        }
    }

    @Test
    void aMissingPageIsTheSitesOwn404() throws Exception {
        HttpResponse<String> missing = live.get("/models/no-such-model/");
        assertEquals(404, missing.statusCode());
        assertEquals("text/html; charset=utf-8", header(missing, "Content-Type"));
        String notFound = Files.readString(live.out.resolve("404.html"));
        assertEquals(
                PreviewHandler.withReloadScript(notFound, live.preview.builds()), missing.body());
    }
}
