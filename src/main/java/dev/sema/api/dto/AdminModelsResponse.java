package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AdminModelsResponse", description = "This replica's model slots, the periodic update check, and"
        + " the live replicas of the fleet.")
@JsonbPropertyOrder({"models", "updateCheck", "fleet", "replicas"})
public record AdminModelsResponse(
        @Schema(description = "This replica's slots.") List<AdminModel> models,
        @JsonbProperty("update_check") UpdateCheckInfo updateCheck,
        @Schema(enumeration = {"single", "shared", "unavailable"}, description = "single: no sema.redis-url, this"
                + " server alone; shared: every live replica, from Redis; unavailable: Redis is away, this replica"
                + " only.", example = "shared") String fleet,
        @Schema(description = "The live replicas, this one first.") List<ReplicaInfo> replicas) {

    @Schema(name = "UpdateCheckInfo", description = "The periodic Hub update check (sema.model-update-interval).")
    public record UpdateCheckInfo(
            @JsonbProperty("interval_seconds") @Schema(description = "0: off.", example = "21600") long intervalSeconds,
            @Schema(description = "Why the check is off although configured.") String problem,
            @JsonbProperty("last_check") String lastCheck,
            @JsonbProperty("last_outcome") List<String> lastOutcome) {
    }
}
