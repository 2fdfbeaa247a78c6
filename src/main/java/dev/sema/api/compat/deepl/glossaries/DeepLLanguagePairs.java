package dev.sema.api.compat.deepl.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** DeepL's {@code /v2/glossary-language-pairs}: every pair, as DeepL lists them. */
@Schema(name = "DeepLGlossaryLanguagePairs")
public record DeepLLanguagePairs(@JsonbProperty("supported_languages") List<Pair> supportedLanguages) {

    /** One ordered pair, lower-case DeepL codes. */
    @Schema(name = "DeepLGlossaryLanguagePair")
    public record Pair(@JsonbProperty("source_lang") String sourceLang,
                       @JsonbProperty("target_lang") String targetLang) {
    }
}
