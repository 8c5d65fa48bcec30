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
        URI uri = start;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            destinations.check(uri);
            HttpResponse<InputStream> response = send(uri, what);
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
            if (status == 404) {
                close(response);
                return Optional.empty();
            }
            if (status != 200) {
                close(response);
                throw new FetchException(what + ": " + uri + " answered HTTP " + status);
            }
            return Optional.of(bodies.read(response, what, cap));
        }
        throw new FetchException(what + ": more than " + policy.maxRedirects() + " redirects");
    }

    private HttpResponse<InputStream> send(URI uri, String what) {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(policy.requestTimeout())
                        .header("Accept-Encoding", "identity")
                        .header("User-Agent", "keizu-fetch/0.1 (+provenance registry)")
                        .GET()
                        .build();
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
