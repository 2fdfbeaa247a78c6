package dev.sema.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IPv4 or IPv6 address block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single address).
 * Parsing never touches DNS: header values are attacker-controlled, and a name lookup per request
 * would both slow requests down and leak them to the resolver.
 */
public record IpRange(byte[] network, int prefixBits) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    /** Parses {@code address} or {@code address/prefix}; throws IllegalArgumentException naming the text. */
    public static IpRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = parseLiteral(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'"));
        int maxBits = address.getAddress().length * 8;
        int prefix = maxBits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > maxBits) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "' (0.." + maxBits + ")");
            }
        }
        return new IpRange(address.getAddress(), prefix);
    }

    /**
     * An IP literal as found in X-Forwarded-For / Forwarded: {@code 192.0.2.1}, {@code 192.0.2.1:8080},
     * {@code 2001:db8::1}, {@code [2001:db8::1]:443}. Anything else (host names, "unknown",
     * RFC 7239 obfuscated identifiers) is empty.
     */
    public static Optional<InetAddress> parseLiteral(String text) {
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            s = s.substring(1, close);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') > 0) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(byAddress(bytes));
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            // Brackets make the JDK parse an IPv6 literal or fail; without them a malformed one goes to DNS.
            return Optional.of(InetAddress.getByName("[" + s + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The block as canonical text, host bits cleared: {@code 10.0.0.0/8}, {@code 2001:db8:0:0:0:0:0:0/32}. */
    public String cidr() {
        byte[] masked = network.clone();
        for (int bit = prefixBits; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return byAddress(masked).getHostAddress() + "/" + prefixBits;
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4-byte address rejected", e);
        }
    }
}
