package dev.sema.api.compat.deepl;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of DeepL's {@code /v2/languages}.
 *
 * @param supportsFormality targets only: always false (Sema has no formality control); absent for sources
 */
@Schema(name = "DeepLLanguage", description = "A language as DeepL's /v2/languages lists it.")
public record DeepLLanguage(@Schema(example = "SW") String language, @Schema(example = "Swahili") String name,
                            @JsonbProperty("supports_formality") Boolean supportsFormality) {
}
