package dev.sema.api.compat.deepl.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A glossary as DeepL's clients create or change it: v2 names one dictionary with the top-level fields
 * ({@code source_lang}, {@code target_lang}, {@code entries}, {@code entries_format}), v3 lists
 * {@code dictionaries} (from a form: {@code dictionaries[0].source_lang=...}).
 */
@Schema(name = "DeepLGlossaryRequest")
public record DeepLGlossaryRequest(
        @Schema(example = "Utilities") String name,
        @JsonbProperty("source_lang") @Schema(description = "v2") String sourceLang,
        @JsonbProperty("target_lang") @Schema(description = "v2") String targetLang,
        @Schema(description = "v2: TSV or CSV") String entries,
        @JsonbProperty("entries_format") @Schema(description = "v2", enumeration = {"tsv", "csv"}) String entriesFormat,
        @Schema(description = "v3") List<DeepLDictionaryRequest> dictionaries) {

    /** The v2 fields as the one dictionary they name. */
    DeepLDictionaryRequest single() {
        return new DeepLDictionaryRequest(sourceLang, targetLang, entries, entriesFormat);
    }
}
