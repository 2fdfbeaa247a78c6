package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AdminModelsResponse", description = "The model slots and the periodic update check.")
public record AdminModelsResponse(
        List<AdminModel> models,
        @JsonbProperty("update_check") UpdateCheckInfo updateCheck) {

    @Schema(name = "UpdateCheckInfo", description = "The periodic Hub update check (sema.model-update-interval).")
    public record UpdateCheckInfo(
            @JsonbProperty("interval_seconds") @Schema(description = "0: off.", example = "21600") long intervalSeconds,
            @Schema(description = "Why the check is off although configured.") String problem,
            @JsonbProperty("last_check") String lastCheck,
            @JsonbProperty("last_outcome") List<String> lastOutcome) {
    }
}
