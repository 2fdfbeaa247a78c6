package dev.sema.api.compat.deepl.glossaries;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** DeepL's glossary listing (v2's or v3's glossary shape). */
@Schema(name = "DeepLGlossaryList")
public record DeepLGlossaryList<T>(List<T> glossaries) {
}
