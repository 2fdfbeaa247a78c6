package dev.sema.guard;

import java.util.List;

/**
 * The addresses a credential may be used from: IPv4 and IPv6 CIDR blocks, matched against the client address that
 * {@link ClientResolver} decides (so a forwarded address counts only behind a trusted proxy). No blocks: anywhere.
 */
public record AllowedAddresses(List<IpRange> ranges) {

    public static final AllowedAddresses ANYWHERE = new AllowedAddresses(List.of());

    public AllowedAddresses {
        ranges = List.copyOf(ranges);
    }

    /** @throws IllegalArgumentException naming the first text that is no address or block */
    public static AllowedAddresses parse(List<String> blocks) {
        return new AllowedAddresses(blocks.stream().map(IpRange::parse).toList());
    }

    /** The blocks as canonical text, host bits cleared. */
    public List<String> cidrs() {
        return ranges.stream().map(IpRange::cidr).toList();
    }

    /** Whether a client at {@code address} (an IP literal; anything else is nowhere) may use the credential. */
    public boolean admits(String address) {
        return ranges.isEmpty() || IpRange.parseLiteral(address)
                .map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }
}
