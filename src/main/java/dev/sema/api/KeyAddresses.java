package dev.sema.api;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.guard.AllowedAddresses;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The {@code allowed_ips} field of the admin API's key bodies: IPv4 and IPv6 addresses or CIDR blocks, stored as
 * canonical blocks; absent, null or empty for anywhere.
 */
final class KeyAddresses {

    static final int MAX_BLOCKS = 64;
    private static final String EXPECTED = "a list of at most " + MAX_BLOCKS + " IPv4 or IPv6 addresses or CIDR"
            + " blocks (e.g. 203.0.113.0/24, 2001:db8::/32); null or [] for anywhere";

    private KeyAddresses() {
    }

    static List<String> of(List<String> blocks) {
        if (blocks == null) {
            return List.of();
        }
        if (blocks.size() > MAX_BLOCKS || blocks.stream().anyMatch(b -> b == null)) {
            throw invalid();
        }
        try {
            return AllowedAddresses.parse(blocks).cidrs();
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The field of a merge patch. */
    static List<String> of(JsonValue value) {
        return of(KeyRequests.strings(value, KeyAddresses::invalid));
    }

    private static ApiException invalid() {
        return RequestChecks.invalid(400, "invalid_value", "allowed_ips", "Field 'allowed_ips' must be " + EXPECTED
                + ".", EXPECTED);
    }
}
