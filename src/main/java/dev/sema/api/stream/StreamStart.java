package dev.sema.api.stream;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of a stream's first event, {@code start}: sent once the translation has its inference slot. */
@Schema(name = "StreamStart", description = "Data of the `start` event.")
@JsonbPropertyOrder({"requestId", "sourceLanguage", "sourceLanguageConfidence", "targetLanguage", "segments"})
public record StreamStart(
        @JsonbProperty("request_id") @Schema(description = "Same as the X-Request-ID response header.")
        String requestId,
        @JsonbProperty("source_language") @Schema(description = "Canonical FLORES-200 code of the source, given or"
                + " detected.", example = "swh_Latn") String sourceLanguage,
        @JsonbProperty("source_language_confidence") @Schema(description = "Detector probability; present only"
                + " when the source language was detected.", example = "0.97") Double sourceLanguageConfidence,
        @JsonbProperty("target_language") @Schema(example = "eng_Latn") String targetLanguage,
        @Schema(description = "How many `segment` events follow if the stream runs to its end.", example = "3")
        int segments) {
}
