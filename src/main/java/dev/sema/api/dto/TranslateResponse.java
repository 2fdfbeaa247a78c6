package dev.sema.api.dto;

import dev.sema.api.glossaries.GlossaryEntries;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "TranslateResponse")
@JsonbPropertyOrder({"translatedText", "sourceLanguage", "sourceLanguageConfidence", "targetLanguage",
        "alternatives", "scores", "inferenceTime", "characterCount", "timestamp", "requestId", "totalTime",
        "glossaryEntries"})
public record TranslateResponse(
        @JsonbProperty("translated_text") @Schema(description = "Best translation, trimmed.",
                example = "Good morning") String translatedText,
        @JsonbProperty("source_language") @Schema(description = "Canonical FLORES-200 code of the source, given or"
                + " detected.", example = "swh_Latn") String sourceLanguage,
        @JsonbProperty("source_language_confidence") @Schema(description = "Detector probability; present only"
                + " when the source language was detected.", example = "0.97") Double sourceLanguageConfidence,
        @JsonbProperty("target_language") @Schema(description = "Canonical FLORES-200 code of the target.",
                example = "eng_Latn") String targetLanguage,
        @Schema(description = "Further n-best translations, best first; present only when requested.")
        List<String> alternatives,
        @JsonbProperty("inference_time") @Schema(description = "Seconds spent detecting and translating.",
                example = "0.234") double inferenceTime,
        @JsonbProperty("character_count") @Schema(description = "Unicode code points of the trimmed input.",
                example = "17") int characterCount,
        @Schema(description = "ISO-8601 time with offset.", example = "2026-01-05T14:30:25.123Z") String timestamp,
        @JsonbProperty("request_id") @Schema(description = "Same as the X-Request-ID response header.",
                example = "3f1c2a9e-5b7d-4c1e-9a51-0d2f6a8b7c44") String requestId,
        @JsonbProperty("total_time") @Schema(description = "Seconds from request arrival to response.",
                example = "0.241") double totalTime,
        @JsonbProperty("glossary_entries") @Schema(description = "With glossary_id: the entries found in the"
                + " text whose target term the translation contains, in text order; absent without glossary_id.")
        List<GlossaryEntries.Entry> glossaryEntries,
        @Schema(description = SCORES) List<Double> scores) {

    /** What a score is, for every schema that carries scores. */
    public static final String SCORES = "With include_scores only: per sentence of the text, in order, the mean"
            + " natural-log probability of the tokens the model chose for its translation (end of sentence included,"
            + " the forced target-language token not), from minus infinity to 0; 0 for a part copied unchanged"
            + " (no letters). A relative confidence signal for ranking and flagging sentences, not the probability"
            + " that the translation is correct.";
}
