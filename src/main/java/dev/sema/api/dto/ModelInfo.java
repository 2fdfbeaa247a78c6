package dev.sema.api.dto;

import dev.sema.models.ModelStatus;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(name = "ModelInfo", description = "State of one model slot.")
public record ModelInfo(
        @Schema(example = "translation") String name,
        @Schema(enumeration = {"NOT_CONFIGURED", "LOADING", "READY", "FAILED", "NOT_DEPLOYED"}, example = "READY")
        String state,
        @Schema(description = "Why it is not ready, if it is not.") String detail,
        @JsonbProperty("loaded_at") @Schema(example = "2026-01-05T14:00:02Z") String loadedAt,
        @Schema(description = "Descriptive fields such as path, variant, load_time_seconds.") Map<String, Object> info) {

    public static ModelInfo from(ModelStatus s) {
        return new ModelInfo(s.name(), s.state().name(), s.detail(),
                s.loadedAt() == null ? null : s.loadedAt().toString(), s.info());
    }
}
