package org.keizu.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Serves built sites on 127.0.0.1 the way GitHub Pages does: {@code /x/} serves {@code
 * x/index.html}, unknown paths get the site's 404.html with status 404. One server can serve a site
 * at the root and another under a sub-path.
 */
final class SiteServer implements AutoCloseable {
    private static final Map<String, String> TYPES =
            Map.of(
                    "html",
                    "text/html; charset=utf-8",
                    "css",
                    "text/css",
                    "js",
                    "text/javascript",
                    "svg",
                    "image/svg+xml",
                    "json",
                    "application/json",
                    "xml",
                    "application/xml",
                    "txt",
                    "text/plain; charset=utf-8",
                    "wasm",
                    "application/wasm");

    private final HttpServer server;

    /**
     * Bytes served under /search-index/ since the last reset: what a browser downloads for search.
     */
    private final java.util.concurrent.atomic.AtomicLong searchBytes =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param sites URL prefix ("/" or "/keizu/") to the folder served there
     */
    SiteServer(Map<String, Path> sites) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sites.forEach(
                (prefix, folder) ->
                        server.createContext(
                                prefix,
                                exchange -> {
                                    long sent = serve(exchange, prefix, folder);
                                    String path = exchange.getRequestURI().getPath();
                                    if (path.contains("/search-index/")) {
                                        searchBytes.addAndGet(sent);
                                        searchPaths.add(path);
                                    }
                                }));
        server.start();
    }

    /** Paths under /search-index/ asked for since the last call: which index a page loads. */
    private final java.util.Queue<String> searchPaths =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    List<String> takeSearchPaths() {
        List<String> taken = new java.util.ArrayList<>();
        for (String path = searchPaths.poll(); path != null; path = searchPaths.poll()) {
            taken.add(path);
        }
        return taken;
    }

    long takeSearchBytes() {
        return searchBytes.getAndSet(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static long serve(HttpExchange exchange, String prefix, Path folder)
            throws IOException {
        String path = exchange.getRequestURI().getPath().substring(prefix.length());
        Path file = folder.resolve(path).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        int status = 200;
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            file = folder.resolve("404.html");
            status = 404;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        exchange.getResponseHeaders()
                .add(
                        "Content-Type",
                        TYPES.getOrDefault(
                                name.substring(name.lastIndexOf('.') + 1),
                                "application/octet-stream"));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return body.length;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
