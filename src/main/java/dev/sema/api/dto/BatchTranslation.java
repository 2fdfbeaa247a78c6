package dev.sema.api.dto;

import dev.sema.api.glossaries.GlossaryEntries;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "BatchTranslation", description = "One translated text of a batch, in request order.")
@JsonbPropertyOrder({"translatedText", "sourceLanguage", "sourceLanguageConfidence", "characterCount",
        "alternatives", "scores", "glossaryEntries"})
public record BatchTranslation(
        @JsonbProperty("translated_text") @Schema(example = "Good morning") String translatedText,
        @JsonbProperty("source_language") @Schema(example = "swh_Latn") String sourceLanguage,
        @JsonbProperty("source_language_confidence") @Schema(description = "Present when detected.",
                example = "0.97") Double sourceLanguageConfidence,
        @JsonbProperty("character_count") @Schema(example = "17") int characterCount,
        @Schema(description = "Present only when requested.") List<String> alternatives,
        @JsonbProperty("glossary_entries") @Schema(description = "With glossary_id: the entries found in the"
                + " text whose target term the translation contains, in text order; absent without glossary_id.")
        List<GlossaryEntries.Entry> glossaryEntries,
        @Schema(description = TranslateResponse.SCORES) List<Double> scores) {
}
