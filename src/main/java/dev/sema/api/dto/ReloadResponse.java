package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ReloadResponse", description = "A reload and the slots' state when the response was written.")
@JsonbPropertyOrder({"status", "reloading", "models", "fleet", "replicasNotified"})
public record ReloadResponse(
        @Schema(enumeration = {"accepted", "running", "completed"}, description = "This replica's reload: accepted"
                + " (202): loading in the background; running (202): ?wait=true gave up waiting; completed (200): the"
                + " new models serve.")
        String status,
        @Schema(description = "The slots being reloaded.", example = "[\"translation\"]") List<String> reloading,
        @Schema(description = "This replica's slots.") List<AdminModel> models,
        @Schema(enumeration = {"single", "sent", "unavailable"}, description = "single: no sema.redis-url, this"
                + " server alone; sent: the order went to every other replica, which reload in the background;"
                + " unavailable: Redis is away, only this replica reloads.", example = "sent") String fleet,
        @JsonbProperty("replicas_notified") @Schema(description = "Other replicas that received the order (with"
                + " fleet sent).", example = "2") Long replicasNotified) {
}
