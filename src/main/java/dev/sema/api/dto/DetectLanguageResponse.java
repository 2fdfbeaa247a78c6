package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DetectLanguageResponse")
@JsonbPropertyOrder({"detectedLanguage", "languageName", "nativeName", "confidence", "reliable", "isEnglish",
        "alternatives", "characterCount", "timestamp", "requestId", "totalTime"})
public record DetectLanguageResponse(
        @JsonbProperty("detected_language") @Schema(description = "Canonical FLORES-200 code.",
                example = "swh_Latn") String detectedLanguage,
        @JsonbProperty("language_name") @Schema(example = "Swahili") String languageName,
        @JsonbProperty("native_name") @Schema(example = "Kiswahili") String nativeName,
        @Schema(description = "Probability in [0, 1].", example = "0.97") double confidence,
        @Schema(description = "Whether the confidence reaches sema.lid-min-confidence.") boolean reliable,
        @JsonbProperty("is_english") boolean isEnglish,
        @Schema(description = "The top_k candidates, best first (the first is the detected language).")
        List<DetectedLanguage> alternatives,
        @JsonbProperty("character_count") @Schema(example = "31") int characterCount,
        @Schema(example = "2026-01-05T14:30:25.123Z") String timestamp,
        @JsonbProperty("request_id") @Schema(example = "3f1c2a9e-5b7d-4c1e-9a51-0d2f6a8b7c44") String requestId,
        @JsonbProperty("total_time") @Schema(example = "0.004") double totalTime) {
}
