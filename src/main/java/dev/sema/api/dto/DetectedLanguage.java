package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DetectedLanguage", description = "One detection candidate.")
public record DetectedLanguage(
        @Schema(example = "swh_Latn") String language,
        @JsonbProperty("language_name") @Schema(example = "Swahili") String languageName,
        @Schema(example = "0.97") double confidence) {
}
