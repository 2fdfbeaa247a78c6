package dev.sema.api.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * POST /api/v1/glossaries and PATCH /api/v1/glossaries/{id}. On PATCH every field is optional;
 * {@code dictionary_mode} says whether a given dictionary replaces the glossary's one for its pair or is merged
 * into it.
 */
@Schema(name = "GlossaryRequest")
public record GlossaryRequest(
        @Schema(example = "Utilities", maxLength = 200) String name,
        List<DictionaryRequest> dictionaries,
        @JsonbProperty("dictionary_mode") @Schema(enumeration = {"replace", "merge"}, defaultValue = "replace",
                description = "PATCH only.") String dictionaryMode) {
}
