package org.keizu.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for every address the site publishes (sources, archives, snapshot origins, hub
 * links): https, a registered host name, no credentials. Validation reports a breach with the file
 * and line; the page builder applies the same rule again and prints no link for an address that
 * breaks it, so a check switched off cannot publish a {@code javascript:} link.
 */
public final class UrlPolicy {
    /** Any spelling a resolver may read as an IP address: dotted, decimal, hex or octal parts. */
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** Names that resolve only inside a network, never on the public web. */
    private static final Set<String> INTERNAL_SUFFIXES =
            Set.of(
                    "localhost",
                    "local",
                    "internal",
                    "intranet",
                    "lan",
                    "home",
                    "corp",
                    "private",
                    "test",
                    "invalid",
                    "example",
                    "arpa",
                    "onion");

    private UrlPolicy() {}

    /** True when the address may be published as a link. */
    public static boolean allows(String url) {
        return url != null && problem(url).isEmpty();
    }

    /**
     * The address when it may be published, else null: what the page builder prints, so that a link
     * breaking the policy is never printed even if validation was bypassed.
     */
    public static String publishable(String url) {
        return allows(url) ? url : null;
    }

    /** Why an address may not be published, or empty when it may. */
    public static Optional<String> problem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.of(
                    "must start with https:// (links with other schemes are never published)");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("has no host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || NUMERIC_HOST.matcher(host).matches()) {
            return Optional.of("must name a host, not an IP address (in any notation)");
        }
        if (host.endsWith(".")) {
            return Optional.of("must not end its host name with a dot");
        }
        String[] labels = host.split("\\.", -1);
        String top = labels[labels.length - 1];
        if (labels.length < 2 || !TOP_LEVEL.matcher(top).matches()) {
            return Optional.of(
                    "must name a registered public host (like example.org), not \"" + host + "\"");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("has a malformed host name \"" + host + "\"");
            }
        }
        if (INTERNAL_SUFFIXES.contains(top) || host.equals("metadata.google.internal")) {
            return Optional.of("names an internal host \"" + host + "\" that readers cannot reach");
        }
        return Optional.empty();
    }
}
