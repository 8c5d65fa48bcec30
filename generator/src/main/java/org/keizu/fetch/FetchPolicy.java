package org.keizu.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the fetcher may do (SECURITY.md §5.10): https only, hosts on an allowlist, at most a few
 * redirects, every body capped after decoding, timeouts, and a bounded number of retries.
 *
 * @param hub the hub's base URL, https://huggingface.co unless --hub says otherwise
 * @param allowedHosts hosts a request or redirect may go to (the hub's own host is always allowed)
 * @param allowPrivateAddresses only for tests on loopback: production refuses loopback, link-local
 *     and private addresses
 * @param maxBytes cap per file name; files not named use {@code defaultMaxBytes}
 */
public record FetchPolicy(
        URI hub,
        Set<String> allowedHosts,
        boolean allowPrivateAddresses,
        int maxRedirects,
        Map<String, Long> maxBytes,
        long defaultMaxBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration firstBackoff,
        Duration maxRetryAfter) {

    public static final URI HUGGING_FACE = URI.create("https://huggingface.co");

    /** The Hub's documented download hosts; redirects for large files go there. */
    public static final Set<String> HUB_DOWNLOAD_HOSTS =
            Set.of(
                    "huggingface.co",
                    "cdn-lfs.hf.co",
                    "cdn-lfs-us-1.hf.co",
                    "cdn-lfs-eu-1.hf.co",
                    "cdn-lfs.huggingface.co",
                    "cas-bridge.xethub.hf.co");

    public FetchPolicy {
        allowedHosts = Set.copyOf(allowedHosts);
        maxBytes = Map.copyOf(maxBytes);
    }

    /** The production policy for a hub URL: checked to be https here, before anything is sent. */
    public static FetchPolicy forHub(URI hub) {
        requireHttps(hub);
        java.util.Set<String> hosts = new java.util.HashSet<>(HUB_DOWNLOAD_HOSTS);
        hosts.add(hub.getHost());
        return new FetchPolicy(
                hub,
                hosts,
                false,
                5,
                Map.of(
                        "config.json",
                        (long) org.keizu.load.RecordMapper.MAX_FILE_BYTES,
                        "generation_config.json",
                        1L << 20,
                        "README.md",
                        1L << 20,
                        "LICENSE",
                        1L << 20,
                        "NOTICE",
                        1L << 20,
                        "tokenizer.json",
                        64L << 20),
                1L << 20,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                3,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60));
    }

    public long capFor(String file) {
        return maxBytes.getOrDefault(file, defaultMaxBytes);
    }

    static void requireHttps(URI uri) {
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new FetchException(
                    "refusing " + uri + ": the fetcher only speaks https to a named host");
        }
    }
}
