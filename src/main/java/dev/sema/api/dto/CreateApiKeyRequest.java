package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CreateApiKeyRequest", description = "A new API key. Every limit is optional: absent means unlimited.")
public record CreateApiKeyRequest(
        @Schema(required = true, description = "Who or what the key is for, 1 to 200 characters.",
                example = "mobile app") String name,
        @JsonbProperty("requests_per_minute") @Schema(minimum = "1", example = "120") Long requestsPerMinute,
        @JsonbProperty("requests_per_hour") @Schema(minimum = "1", example = "5000") Long requestsPerHour,
        @JsonbProperty("characters_per_day") @Schema(minimum = "0", description = "Unicode code points of source"
                + " texts per UTC day.", example = "100000") Long charactersPerDay,
        @JsonbProperty("characters_per_month") @Schema(minimum = "0", description = "Code points per UTC calendar"
                + " month.", example = "2000000") Long charactersPerMonth,
        @JsonbProperty("expires_at") @Schema(description = "ISO-8601 instant with offset; absent: never.",
                example = "2027-01-01T00:00:00Z") String expiresAt,
        @Schema(description = "Default true.") Boolean enabled,
        @Schema(description = "What the key may do, out of translate, detect, documents, glossaries, usage,"
                + " admin:keys, admin:models, admin:audit. Absent (or null in PATCH): every non-admin scope.",
                example = "[\"translate\", \"detect\"]") List<String> scopes,
        @JsonbProperty("allowed_ips") @Schema(description = "IPv4 and IPv6 addresses or CIDR blocks the key may be"
                + " used from (at most 64), matched against the client address the trusted-proxy rules decide;"
                + " elsewhere 403 ip_not_allowed. Absent, null or []: anywhere.",
                example = "[\"203.0.113.0/24\", \"2001:db8::/32\"]") List<String> allowedIps,
        @JsonbProperty("require_signature") @Schema(description = "Every request with the key must be signed (RFC"
                + " 9421, label sig1, hmac-sha256 with the signing_secret of the key's 201; see the README's signing"
                + " recipe); unsigned, stale, replayed or altered requests get 401. Default false.")
        Boolean requireSignature) {
}
