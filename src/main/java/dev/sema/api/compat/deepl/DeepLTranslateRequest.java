package dev.sema.api.compat.deepl;

import dev.sema.api.CharacterCost;
import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.filter.RateLimitCost;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * DeepL's {@code /v2/translate} body, as JSON or as a form ({@code text} repeated), {@code glossary_id} as on
 * Sema's own routes. {@code split_sentences},
 * {@code preserve_formatting}, {@code formality}, {@code context}, {@code model_type} and any other field are
 * accepted and ignored: Sema always splits sentences itself and keeps formatting, and has no formality or model
 * choice. Costs quota and rate limit exactly as the same texts sent to {@code /api/v1/translate/batch}.
 */
@Schema(name = "DeepLTranslateRequest", description = "DeepL's translate request (JSON or form-urlencoded)."
        + " split_sentences, preserve_formatting, formality, context and model_type are accepted and ignored.")
public record DeepLTranslateRequest(
        @Schema(required = true, description = "Texts to translate (repeat the form field for several).")
        List<String> text,
        @JsonbProperty("source_lang") @Schema(description = "DeepL code (EN, DE, SW, ...), any Sema language code;"
                + " absent: detected.", example = "EN") String sourceLang,
        @JsonbProperty("target_lang") @Schema(required = true, description = "DeepL code (EN-US, PT-BR, ZH-HANS,"
                + " SW, ...) or any Sema language code.", example = "DE") String targetLang,
        @JsonbProperty("tag_handling") @Schema(description = "html or xml.", enumeration = {"html", "xml"})
        String tagHandling,
        @JsonbProperty("ignore_tags") @Schema(description = "XML only; comma-separated in forms.")
        List<String> ignoreTags,
        @JsonbProperty("splitting_tags") @Schema(description = "XML only; comma-separated in forms.")
        List<String> splittingTags,
        @JsonbProperty("non_splitting_tags") @Schema(description = "XML only; comma-separated in forms.")
        List<String> nonSplittingTags,
        @JsonbProperty("glossary_id") @Schema(description = "A glossary of the caller's (/v2/glossaries,"
                + " /v3/glossaries or /api/v1/glossaries) with a dictionary for the pair.") String glossaryId)
        implements CharacterCost, RateLimitCost {

    /** The same request in Sema's terms, with the languages as given (codes are mapped by the resource). */
    BatchTranslateRequest toBatch(String target, String source) {
        return new BatchTranslateRequest(text, target, source, null, null, tagHandling, ignoreTags, splittingTags,
                nonSplittingTags, null, null);
    }

    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public long characterCost() {
        return toBatch(targetLang, sourceLang).characterCost();
    }

    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public int rateLimitCost() {
        return toBatch(targetLang, sourceLang).rateLimitCost();
    }
}
