package dev.sema.api.dto;

import dev.sema.models.ModelSlot;
import dev.sema.models.ModelStatus;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(name = "AdminModel", description = "One model slot as the admin API sees it.")
@JsonbPropertyOrder({"name", "state", "detail", "loadedAt", "info", "liveModels"})
public record AdminModel(
        @Schema(example = "translation") String name,
        @Schema(enumeration = {"NOT_CONFIGURED", "LOADING", "READY", "FAILED"}, example = "READY") String state,
        @Schema(description = "What is loading, or why the last load failed.") String detail,
        @JsonbProperty("loaded_at") @Schema(example = "2026-01-05T14:00:02Z") String loadedAt,
        @Schema(description = "repo, revision, commit, variant, path, load_time_seconds, ...") Map<String, Object> info,
        @JsonbProperty("live_models") @Schema(description = "Models of this slot not yet closed: the serving one"
                + " plus replaced ones still finishing requests; 1 once a reload has settled.", example = "1")
        int liveModels) {

    public static AdminModel of(ModelSlot<?> slot) {
        ModelStatus s = slot.status();
        return new AdminModel(s.name(), s.state().name(), s.detail(),
                s.loadedAt() == null ? null : s.loadedAt().toString(), s.info(), slot.liveModels());
    }
}
