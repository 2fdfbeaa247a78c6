package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * LibreTranslate's answer to one {@code q} string; {@code detectedLanguage} only with {@code source: auto},
 * {@code alternatives} only when asked for.
 */
@Schema(name = "LibreTranslation")
public record LibreTranslation(String translatedText, LibreDetection detectedLanguage, List<String> alternatives) {
}
