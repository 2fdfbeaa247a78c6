package dev.sema.api.compat.deepl.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** DeepL v3's glossary: dictionaries, one per language pair. */
@Schema(name = "DeepLMultilingualGlossary")
public record DeepLMultilingualGlossaryInfo(@JsonbProperty("glossary_id") String glossaryId,
                                            String name,
                                            @JsonbProperty("creation_time") String creationTime,
                                            List<Dictionary> dictionaries) {

    /** One dictionary's pair and size. */
    @Schema(name = "DeepLDictionary")
    public record Dictionary(@JsonbProperty("source_lang") String sourceLang,
                             @JsonbProperty("target_lang") String targetLang,
                             @JsonbProperty("entry_count") int entryCount) {
    }
}
