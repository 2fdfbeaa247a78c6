package dev.sema.api.audit;

import dev.sema.accounts.AuditEvent;
import dev.sema.api.Timestamps;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "One admin action or denied admin attempt; never a secret.")
public record AuditEventInfo(
        @Schema(description = "Ascending in the order rows were appended; the paging cursor.", example = "42") long id,
        @Schema(example = "2026-12-06T09:30:00Z") String time,
        @Schema(description = "Key id, admin_token, or for a denied attempt anonymous (no token) / unknown (a token"
                + " that is neither the admin token nor an active key).", example = "admin_token") String actor,
        @Schema(enumeration = {"key.created", "key.updated", "key.revoked", "models.reloaded", "admin.denied"})
        String action,
        @Schema(description = "The key id, the reloaded model slots, or the route of a denied attempt.",
                example = "key_3f9a1c0b7d2e4f61") String target,
        @JsonbProperty("request_id") String requestId,
        @JsonbProperty("client_address") @Schema(example = "203.0.113.7") String clientAddress,
        @Schema(enumeration = {"success", "denied"}) String outcome,
        @Schema(description = "Changed fields as 'field: before → after' (scopes and allow-lists included), or the"
                + " error code of a denied attempt.", example = "scopes: default → detect") String details) {

    static AuditEventInfo of(AuditEvent e) {
        return new AuditEventInfo(e.id(), Timestamps.of(e.at()), e.actor(), e.action(), e.target(), e.requestId(),
                e.clientAddress(), e.outcome().label(), e.details());
    }
}
