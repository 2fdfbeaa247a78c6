package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** LibreTranslate's answer to a {@code q} array: each field an array in request order. */
@Schema(name = "LibreTranslations")
public record LibreTranslations(List<String> translatedText, List<LibreDetection> detectedLanguage,
                                List<List<String>> alternatives) {
}
