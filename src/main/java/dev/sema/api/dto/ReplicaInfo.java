package dev.sema.api.dto;

import dev.sema.fleet.ReplicaState;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ReplicaInfo", description = "One live replica of the fleet, as its last heartbeat reported it.")
@JsonbPropertyOrder({"id", "name", "self", "startedAt", "lastSeen", "models"})
public record ReplicaInfo(
        @Schema(description = "Random per start of the server.", example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        String id,
        @Schema(description = "sema.replica-name, by default host:port.", example = "sema-7d9f8-x2k4q:8000") String name,
        @Schema(description = "Whether this is the replica that answered.") boolean self,
        @JsonbProperty("started_at") @Schema(example = "2026-01-05T14:00:00Z") String startedAt,
        @JsonbProperty("last_seen") @Schema(description = "Its last heartbeat (sema.fleet-heartbeat-s), by its clock.",
                example = "2026-01-05T14:10:05Z") String lastSeen,
        List<ReplicaModel> models) {

    @Schema(name = "ReplicaModel", description = "One model slot of a replica.")
    @JsonbPropertyOrder({"name", "state", "detail", "revision", "commit", "contentId", "loadedAt", "liveModels"})
    public record ReplicaModel(
            @Schema(example = "translation") String name,
            @Schema(enumeration = {"NOT_CONFIGURED", "LOADING", "READY", "FAILED"}, example = "READY") String state,
            String detail,
            @Schema(description = "Hub revision asked for; absent for a local copy.", example = "main") String revision,
            @Schema(description = "Hub commit served; absent for a local copy.") String commit,
            @JsonbProperty("content_id") @Schema(description = "What the served files hold: Hub repo@commit:variant, or"
                    + " local: and a fingerprint of a local folder. Equal on replicas that serve the same model.")
            String contentId,
            @JsonbProperty("loaded_at") String loadedAt,
            @JsonbProperty("live_models") int liveModels) {
    }

    public static ReplicaInfo of(ReplicaState state, String self) {
        return new ReplicaInfo(state.id(), state.name(), state.id().equals(self), state.startedAt(), state.lastSeen(),
                state.models().stream().map(m -> new ReplicaModel(m.name(), m.state(), m.detail(), m.revision(),
                        m.commit(), m.contentId(), m.loadedAt(), m.liveModels())).toList());
    }
}
