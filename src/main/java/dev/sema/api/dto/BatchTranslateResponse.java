package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "BatchTranslateResponse")
@JsonbPropertyOrder({"translations", "targetLanguage", "inferenceTime", "characterCount", "timestamp",
        "requestId", "totalTime"})
public record BatchTranslateResponse(
        List<BatchTranslation> translations,
        @JsonbProperty("target_language") @Schema(example = "eng_Latn") String targetLanguage,
        @JsonbProperty("inference_time") @Schema(description = "Seconds spent detecting and translating.",
                example = "0.512") double inferenceTime,
        @JsonbProperty("character_count") @Schema(description = "Code points over all texts.", example = "28")
        int characterCount,
        @Schema(example = "2026-01-05T14:30:25.123Z") String timestamp,
        @JsonbProperty("request_id") @Schema(example = "3f1c2a9e-5b7d-4c1e-9a51-0d2f6a8b7c44") String requestId,
        @JsonbProperty("total_time") @Schema(example = "0.520") double totalTime) {
}
