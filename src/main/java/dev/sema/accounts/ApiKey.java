package dev.sema.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One API key as stored: never its secret, only the display prefix (the secret's SHA-256 stays in the database).
 *
 * @param id         public id ({@code key_…}), what logs and the admin API name
 * @param prefix     the first characters of the secret, so people can tell their keys apart
 * @param lastUsedAt last request served with the key, null if none
 * @param revokedAt  when it was deleted (revoked keys are kept for their usage history), null if not
 */
public record ApiKey(String id, String prefix, KeySettings settings, OffsetDateTime createdAt,
                     OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public KeyStatus status(Instant now) {
        if (revokedAt != null) {
            return KeyStatus.REVOKED;
        }
        if (!settings.enabled()) {
            return KeyStatus.DISABLED;
        }
        if (settings.expiresAt() != null && !settings.expiresAt().toInstant().isAfter(now)) {
            return KeyStatus.EXPIRED;
        }
        return KeyStatus.ACTIVE;
    }

    public KeyLimits limits() {
        return settings.limits();
    }
}
