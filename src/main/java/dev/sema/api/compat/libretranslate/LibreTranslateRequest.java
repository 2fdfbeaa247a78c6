package dev.sema.api.compat.libretranslate;

import dev.sema.api.CharacterCost;
import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.filter.RateLimitCost;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;

/**
 * LibreTranslate's {@code /translate} body, as JSON or a form. {@code q} is a string or an array of strings (a string
 * arrives here as a one-element list with {@code q_single}, {@code CompatBodies}); {@code api_key} has become the
 * bearer token by then. Costs quota and rate limit exactly as the same texts sent to {@code /api/v1/translate/batch}.
 */
@Schema(name = "LibreTranslateRequest", description = "LibreTranslate's translate request (JSON or form).")
public record LibreTranslateRequest(
        @Schema(required = true, description = "A text, or an array of texts.") List<String> q,
        @JsonbProperty("q_single") @Schema(hidden = true) Boolean qSingle,
        @Schema(description = "Language code, or auto to detect.", example = "auto") String source,
        @Schema(required = true, description = "Language code (en, sw, zh-Hans, ...) or any Sema code.",
                example = "sw") String target,
        @Schema(description = "text (default) or html.", enumeration = {"text", "html"}) String format,
        @Schema(description = "Alternative translations per text.", minimum = "0") Integer alternatives)
        implements CharacterCost, RateLimitCost {

    /** The same request in Sema's terms, with the languages as given (codes are mapped by the resource). */
    BatchTranslateRequest toBatch(String sourceLanguage, String targetLanguage) {
        return new BatchTranslateRequest(q, targetLanguage, sourceLanguage, null, alternatives, tagHandling(), null,
                null, null, null, null);
    }

    boolean single() {
        return Boolean.TRUE.equals(qSingle);
    }

    /** {@code html} is markup; {@code text}, absent or anything else plain text (LibreTranslate's own reading). */
    private String tagHandling() {
        return format != null && format.strip().toLowerCase(Locale.ROOT).equals("html") ? "html" : null;
    }

    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public long characterCost() {
        return toBatch(source, target).characterCost();
    }

    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public int rateLimitCost() {
        return toBatch(source, target).rateLimitCost();
    }
}
