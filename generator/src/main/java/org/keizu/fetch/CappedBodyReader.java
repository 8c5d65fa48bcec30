package org.keizu.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.keizu.io.DaemonThreads;

/**
 * Reads a response body for {@link HubClient} within a size cap and a whole-request deadline.
 *
 * <p>Refuses compressed bodies (a small download could inflate without bound) and any body over its
 * cap, counted as read, whatever Content-Length claims, since the header is the server's word.
 */
final class CappedBodyReader {
    /** A daemon thread for this reader's deadlines: it only closes streams whose time is up. */
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("keizu-fetch-deadline"));

    private final Duration deadline;

    /** {@code deadline}: the longest the whole request may take, the body included. */
    CappedBodyReader(Duration deadline) {
        this.deadline = deadline;
    }

    /** The whole body, at most {@code cap} bytes; the response is closed in every case. */
    byte[] read(HttpResponse<InputStream> response, String what, long cap) {
        Optional<String> encoding = response.headers().firstValue("Content-Encoding");
        if (encoding.isPresent() && !encoding.get().equalsIgnoreCase("identity")) {
            HubClient.close(response);
            throw new FetchException(
                    what
                            + ": the server sent a "
                            + encoding.get()
                            + "-encoded body although identity was asked for; refusing to inflate it");
        }
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > cap) {
            HubClient.close(response);
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
        AtomicBoolean expired = new AtomicBoolean();
        InputStream in = response.body();
        ScheduledFuture<?> alarm =
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
                        TimeUnit.MILLISECONDS);
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
                throw tooSlow(what);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw tooSlow(what);
            }
            throw new FetchException(what + ": the download broke off: " + e.getMessage(), e);
        } finally {
            alarm.cancel(false);
        }
    }

    private FetchException tooSlow(String what) {
        return new FetchException(
                what
                        + ": the download took longer than the whole-request limit of "
                        + deadline.toSeconds()
                        + " s; nothing was stored");
    }
}
