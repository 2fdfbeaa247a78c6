package dev.sema.api.compat.deepl.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dictionary as DeepL's clients send it: in a v3 glossary, or the body of {@code PUT .../dictionaries}. */
@Schema(name = "DeepLDictionaryRequest")
public record DeepLDictionaryRequest(
        @JsonbProperty("source_lang") @Schema(required = true, example = "en") String sourceLang,
        @JsonbProperty("target_lang") @Schema(required = true, example = "de") String targetLang,
        @Schema(required = true, description = "TSV or CSV, source term first.") String entries,
        @JsonbProperty("entries_format") @Schema(enumeration = {"tsv", "csv"}, defaultValue = "tsv")
        String entriesFormat) {
}
