package org.keizu.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTPS server on 127.0.0.1 that imitates the Hub's two endpoints (the revision API and
 * resolve/), with a self-signed certificate made by the JDK's keytool. Any path can be told to
 * misbehave: redirect, answer 429, send a gzip or an endless body.
 */
final class FakeHub implements AutoCloseable {
    /** A canned answer for one path. */
    record Answer(
            int status,
            Map<String, String> headers,
            byte[] body,
            boolean chunked,
            long dripMillis) {
        Answer(int status, Map<String, String> headers, byte[] body, boolean chunked) {
            this(status, headers, body, chunked, 0);
        }

        static Answer ok(byte[] body) {
            return new Answer(200, Map.of(), body, false);
        }

        /** A body sent one byte at a time, {@code millis} apart: a hub that never quite stops. */
        static Answer drip(byte[] body, long millis) {
            return new Answer(200, Map.of(), body, false, millis);
        }
    }

    private final HttpsServer server;
    private final SSLContext clientSsl;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    /**
     * Starts a server whose certificate is kept in {@code workDir}; made once, so later hubs start
     * fast.
     */
    FakeHub(Path workDir) throws Exception {
        Path keystore = workDir.resolve("hub.p12");
        if (!Files.exists(keystore)) {
            makeKeystore(keystore);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext serverSsl = SSLContext.getInstance("TLS");
        serverSsl.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        clientSsl = SSLContext.getInstance("TLS");
        clientSsl.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverSsl));
        server.createContext("/", this::handle);
        server.start();
    }

    private static void makeKeystore(Path keystore) throws Exception {
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "hub",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-dname",
                                "CN=127.0.0.1",
                                "-ext",
                                "SAN=ip:127.0.0.1",
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keystore.toString(),
                                "-storepass",
                                "changeit",
                                "-keypass",
                                "changeit")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    SSLContext clientSsl() {
        return clientSsl;
    }

    /**
     * A policy for this hub: its address allowed though it is loopback, short backoffs, {@code
     * maxBytes} per file name and 1 MiB for others.
     */
    FetchPolicy policy(Map<String, Long> maxBytes, int maxAttempts, java.time.Duration timeout) {
        return new FetchPolicy(
                uri(),
                java.util.Set.of("127.0.0.1"),
                true,
                5,
                maxBytes,
                1L << 20,
                java.time.Duration.ofSeconds(2),
                timeout,
                maxAttempts,
                java.time.Duration.ofMillis(5),
                java.time.Duration.ofSeconds(60));
    }

    /** Answers for a path, used in order; the last one repeats. */
    void on(String path, Answer... sequence) {
        answers.put(path, new CopyOnWriteArrayList<>(List.of(sequence)));
    }

    /**
     * Publishes a repository at a commit: the revision API for "main" and the commit, and each
     * file.
     */
    void publish(String repo, String sha, Map<String, byte[]> files) {
        StringBuilder siblings = new StringBuilder();
        files.keySet().stream()
                .sorted()
                .forEach(
                        name ->
                                siblings.append(siblings.length() == 0 ? "" : ",")
                                        .append("{\"rfilename\":\"")
                                        .append(name)
                                        .append("\"}"));
        byte[] api =
                ("{\"id\":\""
                                + repo
                                + "\",\"sha\":\""
                                + sha
                                + "\",\"siblings\":["
                                + siblings
                                + "]}")
                        .getBytes(StandardCharsets.UTF_8);
        on("/api/models/" + repo + "/revision/main", Answer.ok(api));
        on("/api/models/" + repo + "/revision/" + sha, Answer.ok(api));
        files.forEach(
                (name, bytes) -> on("/" + repo + "/resolve/" + sha + "/" + name, Answer.ok(bytes)));
    }

    /** A file's bytes, made on demand: a generated model of many gigabytes is never held whole. */
    interface Body {
        long size();

        /** Bytes {@code first} to {@code last}, inclusive. */
        byte[] slice(long first, long last);

        static Body of(byte[] bytes) {
            return new Body() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public byte[] slice(long first, long last) {
                    return java.util.Arrays.copyOfRange(bytes, (int) first, (int) last + 1);
                }
            };
        }
    }

    /** A large file served as the Hub serves one: byte ranges honoured, or (to test) ignored. */
    private record Served(Body body, boolean honoursRanges) {}

    private final Map<String, Served> served = new ConcurrentHashMap<>();

    /** The Range header of each request, or "" (by path, in order). */
    final List<String> ranges = new CopyOnWriteArrayList<>();

    /** Bytes of file bodies sent, ranges included. */
    final java.util.concurrent.atomic.AtomicLong bodyBytes =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * Serves {@code bytes} at {@code /repo/resolve/sha/name}, answering range requests with 206 (or
     * with the whole file and 200, when {@code honoursRanges} is false).
     */
    void serveFile(String repo, String sha, String name, byte[] bytes, boolean honoursRanges) {
        serveFile(repo, sha, name, Body.of(bytes), honoursRanges);
    }

    void serveFile(String repo, String sha, String name, Body body, boolean honoursRanges) {
        served.put("/" + repo + "/resolve/" + sha + "/" + name, new Served(body, honoursRanges));
    }

    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d+)");

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        Served file = served.get(path);
        if (file != null) {
            serve(exchange, file, range);
            return;
        }
        List<Answer> sequence = answers.get(path);
        Answer answer =
                sequence == null
                        ? new Answer(
                                404, Map.of(), "not found".getBytes(StandardCharsets.UTF_8), false)
                        : sequence.size() > 1 ? sequence.remove(0) : sequence.get(0);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(
                    answer.status(),
                    answer.chunked() ? 0 : answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.dripMillis() > 0) {
                for (byte b : answer.body()) {
                    out.write(b);
                    out.flush();
                    try {
                        Thread.sleep(answer.dripMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } else if (answer.body().length > 0) {
                out.write(answer.body());
            }
        } catch (IOException e) {
            // the client hung up on purpose (a body over its cap); that is the behaviour under test
        }
    }

    private void serve(HttpExchange exchange, Served file, String range) throws IOException {
        java.util.regex.Matcher m = range == null ? null : RANGE.matcher(range);
        try (OutputStream out = exchange.getResponseBody()) {
            long size = file.body().size();
            if (m == null || !m.matches() || !file.honoursRanges()) {
                exchange.sendResponseHeaders(200, size);
                for (long at = 0; at < size; at += 1 << 16) {
                    byte[] chunk = file.body().slice(at, Math.min(size, at + (1 << 16)) - 1);
                    out.write(chunk);
                    bodyBytes.addAndGet(chunk.length);
                }
                return;
            }
            long first = Long.parseLong(m.group(1));
            long last = Math.min(Long.parseLong(m.group(2)), size - 1L);
            if (first >= size) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + size);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders()
                    .add("Content-Range", "bytes " + first + "-" + last + "/" + size);
            byte[] bytes = file.body().slice(first, last);
            exchange.sendResponseHeaders(206, bytes.length);
            out.write(bytes);
            bodyBytes.addAndGet(bytes.length);
        } catch (IOException e) {
            // the client hung up on purpose (a whole file it refused); that is the behaviour under
            // test
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
