package org.keizu.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;

/**
 * The only code in Keizu that talks to the network. Follows redirects by hand, re-checking every
 * hop against the policy; refuses compressed bodies and any body over its cap (counted as read,
 * whatever Content-Length claims); retries 429 and 5xx with backoff, honouring Retry-After.
 */
public final class HubClient {
    /** Waits between attempts; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A daemon thread for this client's deadlines: it only closes streams whose time is up. */
    private final java.util.concurrent.ScheduledExecutorService watchdog =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "keizu-fetch-deadline");
                        t.setDaemon(true);
                        return t;
                    });

    private final FetchPolicy policy;
    private final HttpClient http;
    private final Sleeper sleeper;

    public HubClient(FetchPolicy policy, SSLContext ssl, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
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
            check(uri);
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
            return Optional.of(readCapped(response, what, cap));
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

    private static FetchException tooSlow(String what, Duration deadline) {
        return new FetchException(
                what
                        + ": the download took longer than the whole-request limit of "
                        + deadline.toSeconds()
                        + " s; nothing was stored");
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

    private byte[] readCapped(HttpResponse<InputStream> response, String what, long cap) {
        Optional<String> encoding = response.headers().firstValue("Content-Encoding");
        if (encoding.isPresent() && !encoding.get().equalsIgnoreCase("identity")) {
            close(response);
            throw new FetchException(
                    what
                            + ": the server sent a "
                            + encoding.get()
                            + "-encoded body although identity was asked for; refusing to inflate it");
        }
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > cap) {
            close(response);
            throw new FetchException(
                    what
                            + ": "
                            + declared.getAsLong()
                            + " bytes is over the cap of "
                            + cap
                            + " bytes");
        }
        // The request timeout ends when the headers arrive; a server dripping its body a byte at a
        // time could hold the fetch for ever. A watchdog closes the stream at the whole-request
        // deadline.
        Duration deadline = policy.requestTimeout();
        java.util.concurrent.atomic.AtomicBoolean expired =
                new java.util.concurrent.atomic.AtomicBoolean();
        InputStream in = response.body();
        java.util.concurrent.ScheduledFuture<?> alarm =
                watchdog.schedule(
                        () -> {
                            expired.set(true);
                            try {
                                in.close();
                            } catch (IOException ignored) {
                                // closing is all the watchdog can do; the reader sees the stream
                                // end or fail
                            }
                        },
                        deadline.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > cap) {
                    throw new FetchException(
                            what
                                    + ": the body is over the cap of "
                                    + cap
                                    + " bytes; stopped reading");
                }
                out.write(buffer, 0, n);
            }
            if (expired.get()) {
                throw tooSlow(what, deadline);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw tooSlow(what, deadline);
            }
            throw new FetchException(what + ": the download broke off: " + e.getMessage(), e);
        } finally {
            alarm.cancel(false);
        }
    }

    /**
     * Every hop: https, no user info, a host on the allowlist, and (in production) a public
     * address.
     */
    private void check(URI uri) {
        FetchPolicy.requireHttps(uri);
        if (uri.getRawUserInfo() != null) {
            throw new FetchException("refusing " + uri + ": URLs with user info are not followed");
        }
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (!policy.allowedHosts().contains(host)) {
            throw new FetchException(
                    "refusing to go to "
                            + host
                            + " ("
                            + uri
                            + "): not one of the hub's hosts "
                            + new java.util.TreeSet<>(policy.allowedHosts()));
        }
        if (!policy.allowPrivateAddresses()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (address.isAnyLocalAddress()
                            || address.isLoopbackAddress()
                            || address.isLinkLocalAddress()
                            || address.isSiteLocalAddress()
                            || address.isMulticastAddress()
                            || (address.getAddress().length == 16
                                    && (address.getAddress()[0] & 0xFE) == 0xFC)) {
                        throw new FetchException(
                                "refusing "
                                        + host
                                        + ": it resolves to a private address "
                                        + address.getHostAddress());
                    }
                }
            } catch (UnknownHostException e) {
                throw new FetchException("cannot resolve " + host + ": " + e.getMessage(), e);
            }
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing a response we no longer read; nothing to report
        }
    }
}
