package org.keizu.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the preview's requests: the files of the output folder (GET and HEAD only, never a path
 * outside it, a folder's {@code index.html}, the site's own 404 page for what is missing), the
 * reload script and the build number it polls, and the error page while the build has errors. HTML
 * is sent with the reload script added before {@code </body>}; the files on disk never hold it.
 */
final class PreviewHandler implements HttpHandler {
    /** The preview's own addresses, under a prefix no page of the site uses. */
    static final String RELOAD_SCRIPT = "/__keizu/reload.js";

    static final String BUILD_NUMBER = "/__keizu/build";

    /** How long a page's poll waits for a rebuild before it is answered anyway. */
    private static final long POLL_MILLIS = 25_000;

    private static final Map<String, String> TYPES =
            Map.ofEntries(
                    Map.entry("html", "text/html; charset=utf-8"),
                    Map.entry("css", "text/css; charset=utf-8"),
                    Map.entry("js", "text/javascript; charset=utf-8"),
                    Map.entry("json", "application/json"),
                    Map.entry("xml", "application/xml"),
                    Map.entry("atom", "application/atom+xml"),
                    Map.entry("png", "image/png"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("wasm", "application/wasm"),
                    Map.entry("csv", "text/csv; charset=utf-8"),
                    Map.entry("txt", "text/plain; charset=utf-8"),
                    // Citation files, shown as text in the preview rather than downloaded.
                    Map.entry("bib", "text/plain; charset=utf-8"),
                    Map.entry("ris", "text/plain; charset=utf-8"));

    private final Path root;
    private final BuildState state;
    private final byte[] reloadScript;

    PreviewHandler(Path root, BuildState state) throws IOException {
        this.root = root.toRealPath();
        this.state = state;
        try (InputStream in = PreviewHandler.class.getResourceAsStream("reload.js")) {
            if (in == null) {
                throw new IOException("the generator lacks its reload script");
            }
            this.reloadScript = in.readAllBytes();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"));
                return;
            }
            if (!addressedToThisMachine(exchange)) {
                send(
                        exchange,
                        403,
                        "text/plain; charset=utf-8",
                        bytes("the preview answers only to 127.0.0.1 and localhost\n"));
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (RELOAD_SCRIPT.equals(raw)) {
                send(exchange, 200, TYPES.get("js"), reloadScript);
            } else if (BUILD_NUMBER.equals(raw)) {
                sendBuildNumber(exchange);
            } else {
                Optional<RequestPath> path = RequestPath.parse(raw);
                if (path.isEmpty()) {
                    send(exchange, 400, "text/plain; charset=utf-8", bytes("bad path\n"));
                } else {
                    sendFile(exchange, path.get());
                }
            }
        }
    }

    /**
     * Whether the request names this machine as its host: a web page elsewhere could otherwise
     * point a name of its own at 127.0.0.1 (DNS rebinding) and read the preview from the browser.
     */
    private static boolean addressedToThisMachine(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = exchange.getLocalAddress().getPort();
        return host != null
                && (host.equalsIgnoreCase("127.0.0.1:" + port)
                        || host.equalsIgnoreCase("localhost:" + port));
    }

    /** The build number, once it differs from the {@code after} the page knows (a long poll). */
    private void sendBuildNumber(HttpExchange exchange) throws IOException {
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        long build = state.shown().build();
        if (query.matches("after=[0-9]{1,18}")) {
            try {
                build = state.awaitOther(Long.parseLong(query.substring(6)), POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(exchange, 200, "text/plain; charset=utf-8", bytes(Long.toString(build)));
    }

    private void sendFile(HttpExchange exchange, RequestPath path) throws IOException {
        Path file = root.resolve(path.relative()).normalize();
        if (!file.startsWith(root)) {
            send(exchange, 400, "text/plain; charset=utf-8", bytes("bad path\n"));
            return;
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!path.folder()) {
                // A folder's address ends with '/', so that the page's relative links resolve.
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                exchange.getRequestURI().getRawPath()
                                        + "/"
                                        + (query == null ? "" : "?" + query));
                send(exchange, 301, "text/plain; charset=utf-8", bytes("moved\n"));
                return;
            }
            file = file.resolve("index.html");
        }
        BuildState.Shown shown = state.shown();
        Optional<byte[]> body = read(file);
        int status = body.isPresent() ? 200 : 404;
        String type = body.isPresent() ? type(file) : TYPES.get("html");
        if (body.isEmpty()) {
            body = read(root.resolve("404.html"));
        }
        if (type.startsWith("text/html")) {
            if (shown.broken()) {
                send(
                        exchange,
                        500,
                        type,
                        bytes(ErrorPage.html(shown.problems(), scriptTag(shown.build()))));
            } else {
                String page = new String(body.orElse(bytes("not found\n")), StandardCharsets.UTF_8);
                send(exchange, status, type, bytes(withReloadScript(page, shown.build())));
            }
        } else {
            send(exchange, status, type, body.orElseThrow());
        }
    }

    /** The file's bytes, if it is a regular file inside the output folder (no link out of it). */
    private Optional<byte[]> read(Path file) throws IOException {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !file.toRealPath().startsWith(root)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed by a rebuild since the check
        }
    }

    /** The page with the reload script before its last {@code </body>}, or at its end. */
    static String withReloadScript(String page, long build) {
        int end = page.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String tag = scriptTag(build);
        return end < 0 ? page + tag : page.substring(0, end) + tag + page.substring(end);
    }

    /** The script element the server adds; it names the build the page comes from. */
    static String scriptTag(long build) {
        return "<script src=\"" + RELOAD_SCRIPT + "\" data-build=\"" + build + "\" defer></script>";
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
