package dev.sema.accounts;

import java.time.OffsetDateTime;

/**
 * Who performs an admin action, as the audit trail records it.
 *
 * @param name          a key id, {@code admin_token}, a token subject, {@code anonymous} or {@code unknown}; never a
 *                      secret
 * @param requestId     the request's id (X-Request-ID)
 * @param clientAddress the client address the trusted-proxy rules decided
 */
public record Actor(String name, String requestId, String clientAddress) {

    /** An event of this actor. */
    public AuditEvent event(OffsetDateTime at, String action, String target, AuditEvent.Outcome outcome,
                            String details) {
        return new AuditEvent(0, at, name, action, target, requestId, clientAddress, outcome, details);
    }
}
