package org.keizu.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Decides whether {@link HubClient} may send a request to a URL: https, no user info, a host on the
 * allowlist, and (in production) a public address.
 *
 * <p>Run on every hop, not only the first URL, because a redirect could otherwise lead the fetch to
 * another host or into the local network.
 */
final class DestinationCheck {
    private final FetchPolicy policy;

    DestinationCheck(FetchPolicy policy) {
        this.policy = policy;
    }

    /** Throws {@link FetchException} naming the reason when the URL may not be requested. */
    void check(URI uri) {
        FetchPolicy.requireHttps(uri);
        if (uri.getRawUserInfo() != null) {
            throw new FetchException("refusing " + uri + ": URLs with user info are not followed");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!policy.allowedHosts().contains(host)) {
            throw new FetchException(
                    "refusing to go to "
                            + host
                            + " ("
                            + uri
                            + "): not one of the hub's hosts "
                            + new TreeSet<>(policy.allowedHosts()));
        }
        if (!policy.allowPrivateAddresses()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (isPrivate(address)) {
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

    /**
     * Local, link-local, site-local and multicast addresses, and IPv6 unique local ones (fc00::/7),
     * which {@link InetAddress} has no test for.
     */
    private static boolean isPrivate(InetAddress address) {
        return address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xFE) == 0xFC);
    }
}
