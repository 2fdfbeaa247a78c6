package dev.sema.api.dto;

import dev.sema.api.CharacterCost;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TranslateRequest", description = "Text to translate. Unknown fields are ignored.")
public record TranslateRequest(
        @Schema(required = true, description = "Text to translate; surrounding whitespace is removed. At most"
                + " sema.max-characters (default 5000) Unicode code points.", example = "Habari ya asubuhi")
        String text,
        @JsonbProperty("target_language")
        @Schema(required = true, description = "FLORES-200 code, ISO 639 code or English name of the target"
                + " language.", example = "eng_Latn")
        String targetLanguage,
        @JsonbProperty("source_language")
        @Schema(description = "Source language (code, alias or name). Omit it, or send \"auto\", to detect it.",
                example = "swh_Latn")
        String sourceLanguage,
        @JsonbProperty("beam_size")
        @Schema(description = "Beams for decoding, 1 (greedy) to 8; default: the server's setting.", minimum = "1",
                maximum = "8", example = "4")
        Integer beamSize,
        @Schema(description = "Number of alternative translations to return besides the best one (at most"
                + " beam_size).", minimum = "0", maximum = "8", example = "0")
        Integer alternatives) implements CharacterCost {

    /** The text's code points count against an API key's character quota. */
    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public long characterCost() {
        return CharacterCost.codePoints(text);
    }
}
