package dev.sema.api.compat.deepl.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** DeepL v3's entries answer: the dictionaries asked for, entries as TSV. */
@Schema(name = "DeepLDictionaryEntries")
public record DeepLDictionaryEntries(List<Dictionary> dictionaries) {

    /** One dictionary with its entries. */
    @Schema(name = "DeepLDictionaryWithEntries")
    public record Dictionary(@JsonbProperty("source_lang") String sourceLang,
                             @JsonbProperty("target_lang") String targetLang,
                             String entries,
                             @JsonbProperty("entries_format") String entriesFormat) {
    }
}
