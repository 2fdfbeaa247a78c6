package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** LibreTranslate's {@code /detect} body: {@code q} (its first text is identified). */
@Schema(name = "LibreDetectRequest")
public record LibreDetectRequest(@Schema(required = true, description = "The text to identify.") List<String> q) {
}
