package dev.sema.api.glossaries;

import dev.sema.glossary.Glossary;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A glossary without its entries (those are at {@code /glossaries/{id}/entries}). */
@Schema(name = "Glossary")
public record GlossaryInfo(
        @JsonbProperty("glossary_id") @Schema(example = "g_1f0c…") String glossaryId,
        String name,
        @Schema(description = "1 when created, one more with every change.") int version,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("updated_at") String updatedAt,
        List<DictionaryInfo> dictionaries) {

    /** One dictionary's pair and size. */
    @Schema(name = "GlossaryDictionary")
    public record DictionaryInfo(@JsonbProperty("source_language") String sourceLanguage,
                                 @JsonbProperty("target_language") String targetLanguage,
                                 @JsonbProperty("entry_count") int entryCount) {
    }

    static GlossaryInfo of(Glossary glossary) {
        return new GlossaryInfo(glossary.id(), glossary.name(), glossary.version(), glossary.createdAt().toString(),
                glossary.updatedAt().toString(), glossary.dictionaries().stream()
                .map(d -> new DictionaryInfo(d.sourceLanguage(), d.targetLanguage(), d.entries().size())).toList());
    }
}
