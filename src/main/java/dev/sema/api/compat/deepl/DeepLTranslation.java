package dev.sema.api.compat.deepl;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One translated text as DeepL answers it. */
@Schema(name = "DeepLTranslation")
public record DeepLTranslation(
        @JsonbProperty("detected_source_language") @Schema(example = "EN") String detectedSourceLanguage,
        String text,
        @JsonbProperty("billed_characters") @Schema(description = "Characters counted against the key's quota.")
        int billedCharacters) {
}
