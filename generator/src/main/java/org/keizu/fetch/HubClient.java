package org.keizu.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The only code in Keizu that talks to the network. Follows redirects by hand, re-checking every
 * hop against the policy ({@link DestinationCheck}); refuses compressed bodies and any body over
 * its cap, counted as read, whatever Content-Length claims ({@link CappedBodyReader}); retries 429
 * and 5xx with backoff, honouring Retry-After.
 */
public final class HubClient {
    /** Waits between attempts; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final FetchPolicy policy;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final DestinationCheck destinations;
    private final CappedBodyReader bodies;

    public HubClient(FetchPolicy policy, SSLContext ssl, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.destinations = new DestinationCheck(policy);
        this.bodies = new CappedBodyReader(policy.requestTimeout());
        HttpClient.Builder builder =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .connectTimeout(policy.connectTimeout());
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    public HubClient(FetchPolicy policy) {
        this(policy, null, d -> Thread.sleep(d.toMillis()));
    }

    /** GETs a URL; empty when the server says 404 (the file does not exist at that revision). */
    public Optional<byte[]> get(URI start, String what, long cap) {
        HttpResponse<InputStream> response = follow(start, what, null);
        int status = response.statusCode();
        if (status == 404) {
            close(response);
            return Optional.empty();
        }
        if (status != 200) {
            close(response);
            throw new FetchException(what + ": " + response.uri() + " answered HTTP " + status);
        }
        return Optional.of(bodies.read(response, what, cap));
    }

    /**
     * Some bytes of a file and the file's whole size, as a server answers a range request.
     *
     * @param bytes the bytes from the first asked for, as many as the server sent (fewer than asked
     *     only where the file ends)
     * @param fileSize the file's size, from the answer's Content-Range
     */
    public record Range(byte[] bytes, long fileSize) {}

    /**
     * GETs bytes {@code first} to {@code last} (inclusive) of a file by a range request. Refuses,
     * without reading its body, an answer that is not 206 Partial Content for exactly that range
     * (or its part before the file ends): a server that ignores ranges would otherwise send a whole
     * shard of many gigabytes.
     */
    public Range getRange(URI start, String what, long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + "-" + last);
        }
        HttpResponse<InputStream> response = follow(start, what, "bytes=" + first + "-" + last);
        int status = response.statusCode();
        if (status != 206) {
            close(response);
            throw new FetchException(
                    what
                            + ": "
                            + response.uri()
                            + (status == 200
                                    ? " ignored the byte range and began sending the whole file;"
                                            + " refusing to download it"
                                    : " answered HTTP " + status + " to a range request"));
        }
        String header = response.headers().firstValue("Content-Range").orElse("");
        java.util.regex.Matcher m = CONTENT_RANGE.matcher(header.strip());
        if (!m.matches()) {
            close(response);
            throw new FetchException(
                    what + ": the answer's Content-Range \"" + header + "\" is not a byte range");
        }
        long from;
        long to;
        long size;
        try {
            from = Long.parseLong(m.group(1));
            to = Long.parseLong(m.group(2));
            size = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            close(response);
            throw new FetchException(what + ": the answer's Content-Range is out of range", e);
        }
        boolean asked =
                from == first && to >= from && (to == last || (to < last && to == size - 1));
        if (!asked || to >= size) {
            close(response);
            throw new FetchException(
                    what
                            + ": asked for bytes "
                            + first
                            + "-"
                            + last
                            + " but the server answered "
                            + header
                            + "; refusing it");
        }
        long expected = to - from + 1;
        byte[] bytes = bodies.read(response, what, expected);
        if (bytes.length != expected) {
            throw new FetchException(
                    what
                            + ": the server sent "
                            + bytes.length
                            + " bytes for a range of "
                            + expected);
        }
        return new Range(bytes, size);
    }

    private static final java.util.regex.Pattern CONTENT_RANGE =
            java.util.regex.Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

    /**
     * Sends the request and follows redirects, checking every hop; the answer that is not a
     * redirect.
     */
    private HttpResponse<InputStream> follow(URI start, String what, String range) {
        URI uri = start;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            destinations.check(uri);
            HttpResponse<InputStream> response = send(uri, what, range);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location =
                        response.headers()
                                .firstValue("Location")
                                .orElseThrow(
                                        () ->
                                                new FetchException(
                                                        what
                                                                + ": redirect "
                                                                + status
                                                                + " without a Location"));
                close(response);
                uri = uri.resolve(location);
                continue;
            }
            return response;
        }
        throw new FetchException(what + ": more than " + policy.maxRedirects() + " redirects");
    }

    private HttpResponse<InputStream> send(URI uri, String what, String range) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri)
                        .timeout(policy.requestTimeout())
                        .header("Accept-Encoding", "identity")
                        .header("User-Agent", "keizu-fetch/0.1 (+provenance registry)")
                        .GET();
        if (range != null) {
            builder.header("Range", range);
        }
        HttpRequest request = builder.build();
        Duration backoff = policy.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new FetchException(
                            what + ": " + uri + " could not be reached: " + e.getMessage(), e);
                }
                pause(backoff, what);
                backoff = backoff.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(what + ": interrupted", e);
            }
            int status = response.statusCode();
            boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
            if (!retryable) {
                return response;
            }
            close(response);
            if (attempt >= policy.maxAttempts()) {
                throw new FetchException(
                        what
                                + ": "
                                + uri
                                + " answered HTTP "
                                + status
                                + " after "
                                + attempt
                                + " attempts");
            }
            Duration wait =
                    retryAfter(response)
                            .map(
                                    d ->
                                            d.compareTo(policy.maxRetryAfter()) > 0
                                                    ? policy.maxRetryAfter()
                                                    : d)
                            .orElse(backoff);
            pause(wait, what);
            backoff = backoff.multipliedBy(2);
        }
    }

    private void pause(Duration wait, String what) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(what + ": interrupted", e);
        }
    }

    /**
     * Retry-After in seconds (the Hub's form); an HTTP date is not trusted and falls back to
     * backoff.
     */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .flatMap(
                        v -> {
                            try {
                                long seconds = Long.parseLong(v.strip());
                                return seconds >= 0
                                        ? Optional.of(Duration.ofSeconds(seconds))
                                        : Optional.empty();
                            } catch (NumberFormatException e) {
                                return Optional.empty();
                            }
                        });
    }

    /** Closes a response whose body will not be read, so that its connection is freed. */
    static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing a response we no longer read; nothing to report
        }
    }
}
