package dev.sema.api.dto;

import dev.sema.accounts.ApiKey;
import dev.sema.accounts.KeyLimits;
import dev.sema.accounts.NewKey;
import dev.sema.accounts.Scope;
import dev.sema.api.Timestamps;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "ApiKey", description = "An API key. Its secret appears only in the answer that created it; limits"
        + " and timestamps that are absent are unlimited / never.")
public record ApiKeyInfo(
        @Schema(example = "key_3f9a1c0b7d2e4f61") String id,
        @Schema(example = "mobile app") String name,
        @Schema(description = "The secret's first characters, to tell keys apart.", example = "sema_Xk3d9Qa")
        String prefix,
        @Schema(enumeration = {"active", "disabled", "expired", "revoked"}) String status,
        boolean enabled,
        @JsonbProperty("requests_per_minute") Long requestsPerMinute,
        @JsonbProperty("requests_per_hour") Long requestsPerHour,
        @JsonbProperty("characters_per_day") Long charactersPerDay,
        @JsonbProperty("characters_per_month") Long charactersPerMonth,
        @JsonbProperty("expires_at") String expiresAt,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("last_used_at") @Schema(description = "Last request served with the key, to the minute.")
        String lastUsedAt,
        @JsonbProperty("revoked_at") String revokedAt,
        @Schema(description = "The scopes in force (the default, every non-admin scope, when none were chosen).",
                example = "[\"translate\", \"detect\"]") List<String> scopes,
        @JsonbProperty("allowed_ips") @Schema(description = "CIDR blocks the key may be used from, host bits"
                + " cleared; empty: anywhere.", example = "[\"203.0.113.0/24\"]") List<String> allowedIps,
        @Schema(description = "The secret (sema_ + 43 characters): only in the 201 of POST /api/v1/admin/keys, never"
                + " again. Send it as 'Authorization: Bearer <key>'.") String key,
        @JsonbProperty("require_signature") @Schema(description = "Every request with the key must carry an RFC 9421"
                + " signature.") boolean requireSignature,
        @JsonbProperty("signing_secret") @Schema(description = "The HMAC secret for signed requests (sig_ + 43"
                + " characters): only in the 201 of POST /api/v1/admin/keys, never again; absent when the server has"
                + " no sema.signing-kek.") String signingSecret,
        @Schema(description = "Usage in the current UTC day and month (GET of one key).") UsageResponse usage) {

    /** A key just created: the only view with its secrets. */
    public static ApiKeyInfo created(NewKey created, Instant now) {
        return of(created.key(), now, created.secret(), created.signingSecret(), null);
    }

    /** @param usage only for the view of one key, else null */
    public static ApiKeyInfo of(ApiKey key, Instant now, UsageResponse usage) {
        return of(key, now, null, null, usage);
    }

    private static ApiKeyInfo of(ApiKey key, Instant now, String secret, String signingSecret, UsageResponse usage) {
        KeyLimits limits = key.limits();
        return new ApiKeyInfo(key.id(), key.settings().name(), key.prefix(), key.status(now).label(),
                key.settings().enabled(), limits.requestsPerMinute(), limits.requestsPerHour(),
                limits.charactersPerDay(), limits.charactersPerMonth(), Timestamps.of(key.settings().expiresAt()),
                Timestamps.of(key.createdAt()), Timestamps.of(key.lastUsedAt()), Timestamps.of(key.revokedAt()),
                key.settings().effectiveScopes().stream().sorted().map(Scope::code).toList(),
                key.settings().allowedIps(), secret, key.settings().requireSignature(), signingSecret, usage);
    }
}
