package dev.sema.api.compat.deepl;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The form (or JSON) body DeepL's clients POST to {@code /v2/languages}. */
@Schema(name = "DeepLLanguagesRequest")
public record DeepLLanguagesRequest(@Schema(description = "source (default) or target") String type) {
}
