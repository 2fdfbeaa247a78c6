package dev.sema.api.compat.deepl.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DeepL v2's glossary: one language pair. */
@Schema(name = "DeepLGlossary")
public record DeepLGlossaryInfo(@JsonbProperty("glossary_id") String glossaryId,
                                String name,
                                boolean ready,
                                @JsonbProperty("source_lang") String sourceLang,
                                @JsonbProperty("target_lang") String targetLang,
                                @JsonbProperty("creation_time") String creationTime,
                                @JsonbProperty("entry_count") int entryCount) {
}
