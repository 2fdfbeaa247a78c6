package dev.sema.guard;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which IP address an anonymous request comes from, for rate limits and logs (a request with a valid API
 * key is that key instead: {@link ClientIdentity}; a made-up bearer token is no identity at all).
 *
 * <p>The client is the TCP peer,
 * unless the peer is one of {@code sema.trusted-proxies}, in which case the forwarding chain
 * ({@code Forwarded} per RFC 7239, else {@code X-Forwarded-For}) is walked from the right, skipping trusted
 * proxies; the first untrusted hop is the client. Everything left of it could have been written by the client
 * itself, which is why a left-most value is never believed.
 */
public final class ClientResolver {

    private final List<IpRange> trustedProxies;

    public ClientResolver(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** Parses {@code sema.trusted-proxies}: comma-separated IPs/CIDRs; blank means none. */
    public static ClientResolver fromConfig(String trustedProxies) {
        List<IpRange> ranges = Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(IpRange::parse)
                .toList();
        return new ClientResolver(ranges);
    }

    /**
     * @param peerAddress     the TCP peer's IP address
     * @param forwarded       every {@code Forwarded} header value, in arrival order (may be empty)
     * @param xForwardedFor   every {@code X-Forwarded-For} header value, in arrival order (may be empty)
     * @return {@code ip:<address>}; bounded length, safe as a map key and label
     */
    public String resolve(String peerAddress, List<String> forwarded, List<String> xForwardedFor) {
        return "ip:" + clientAddress(peerAddress, forwarded, xForwardedFor);
    }

    /** The client's IP address, as {@link #resolve} decides it (the peer's text if it is no IP literal). */
    public String clientAddress(String peerAddress, List<String> forwarded, List<String> xForwardedFor) {
        Optional<InetAddress> peer = IpRange.parseLiteral(peerAddress);
        if (peer.isEmpty() || !isTrusted(peer.get())) {
            return peer.map(InetAddress::getHostAddress).orElse(peerAddress);
        }
        List<String> chain = forwarded.isEmpty() ? splitXForwardedFor(xForwardedFor) : forwardedFor(forwarded);
        InetAddress client = peer.get();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.parseLiteral(chain.get(i));
            if (hop.isEmpty()) {
                break; // "unknown" or an obfuscated name: the last trusted hop is all we can vouch for
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /** Whether the peer is one of {@code sema.trusted-proxies}, whose headers about the request are believed. */
    public boolean trusts(String peerAddress) {
        return IpRange.parseLiteral(peerAddress).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> splitXForwardedFor(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.trim());
                }
            }
        }
        return hops;
    }

    /** The {@code for=} parameter of each RFC 7239 forwarded-element, quotes removed. */
    private static List<String> forwardedFor(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                String value = "unknown";
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        value = pair.substring(eq + 1).trim().replace("\"", "");
                    }
                }
                hops.add(value);
            }
        }
        return hops;
    }
}
