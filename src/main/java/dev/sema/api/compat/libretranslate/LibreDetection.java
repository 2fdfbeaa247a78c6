package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A detected language as LibreTranslate reports it: confidence 0 to 100 and the client code. */
@Schema(name = "LibreDetection")
public record LibreDetection(@Schema(example = "92.5") double confidence, @Schema(example = "sw") String language) {

    static LibreDetection of(Double probability, String code) {
        return new LibreDetection(probability == null ? 100.0 : Math.round(probability * 1000) / 10.0, code);
    }
}
