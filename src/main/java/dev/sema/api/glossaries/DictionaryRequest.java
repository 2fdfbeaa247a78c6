package dev.sema.api.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dictionary of a create or change request. */
@Schema(name = "GlossaryDictionaryRequest")
public record DictionaryRequest(
        @JsonbProperty("source_language") @Schema(required = true, example = "eng_Latn") String sourceLanguage,
        @JsonbProperty("target_language") @Schema(required = true, example = "fra_Latn") String targetLanguage,
        @Schema(required = true, description = "One entry a line, source term first.",
                example = "Kenya Power\tKenya Power\nlaptop\tordinateur portable") String entries,
        @JsonbProperty("entries_format") @Schema(enumeration = {"tsv", "csv"}, defaultValue = "tsv")
        String entriesFormat) {
}
