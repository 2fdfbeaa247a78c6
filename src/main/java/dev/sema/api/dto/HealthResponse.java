package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "HealthResponse", description = "Sema's health shape, plus per-model details.")
@JsonbPropertyOrder({"status", "version", "modelsLoaded", "uptime", "timestamp", "models"})
public record HealthResponse(
        @Schema(description = "healthy when every model is loaded; otherwise degraded (/status) or unhealthy"
                + " (/health).", enumeration = {"healthy", "degraded", "unhealthy"}, example = "healthy")
        String status,
        @Schema(example = "1.0.0") String version,
        @JsonbProperty("models_loaded") boolean modelsLoaded,
        @Schema(description = "Seconds since the application started.", example = "3600.5") double uptime,
        @Schema(example = "2026-01-05T14:30:25.123Z") String timestamp,
        List<ModelInfo> models) {
}
