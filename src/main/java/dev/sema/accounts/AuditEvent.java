package dev.sema.accounts;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One row of the audit trail.
 *
 * @param id      ascending in insertion order (0 before it is stored)
 * @param action  {@code key.created}, {@code key.updated}, {@code key.revoked}, {@code models.reloaded} or
 *                {@code admin.denied}
 * @param target  what was acted on: a key id, model slots, or the route of a denied attempt
 * @param details what changed (field: before → after), or why an attempt was denied; never a secret
 */
public record AuditEvent(long id, OffsetDateTime at, String actor, String action, String target, String requestId,
                         String clientAddress, Outcome outcome, String details) {

    public static final String KEY_CREATED = "key.created";
    public static final String KEY_UPDATED = "key.updated";
    public static final String KEY_REVOKED = "key.revoked";
    public static final String MODELS_RELOADED = "models.reloaded";
    public static final String ADMIN_DENIED = "admin.denied";

    public enum Outcome {
        SUCCESS, DENIED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
