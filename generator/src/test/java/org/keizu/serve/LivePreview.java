package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * A preview of a copy of the valid fixture registry (its data and the real templates, copied under
 * {@code root}), started in-process on a free port, with an HTTP client for it. Waits poll with a
 * generous deadline and fail only when it passes, so no test depends on how fast the machine is.
 */
final class LivePreview implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(30);

    final Path data;
    final Path templates;
    final Path out;
    final Preview preview;
    private final StringWriter terminal = new StringWriter();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    LivePreview(Path root) throws IOException {
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

    /** What the preview printed so far: findings and summaries. */
    String terminal() {
        return terminal.toString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(address(path)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(address(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Asks for {@code path} until the answer passes {@code test}; fails after the deadline. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> test) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = get(path);
        while (!test.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("no such answer within " + DEADLINE + "; last:\n" + last.body() + terminal);
            }
            Thread.sleep(100);
            last = get(path);
        }
        return last;
    }

    URI address(String path) {
        return URI.create("http://127.0.0.1:" + preview.port() + path);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Override
    public void close() throws IOException {
        preview.close();
    }
}
