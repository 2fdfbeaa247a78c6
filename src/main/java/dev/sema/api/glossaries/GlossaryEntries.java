package dev.sema.api.glossaries;

import dev.sema.glossary.GlossaryEntry;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One dictionary's entries as JSON. */
@Schema(name = "GlossaryEntries")
public record GlossaryEntries(@JsonbProperty("source_language") String sourceLanguage,
                              @JsonbProperty("target_language") String targetLanguage,
                              List<Entry> entries) {

    /** A term pair; also how a translation lists the entries it applied. */
    @Schema(name = "GlossaryEntry")
    public record Entry(@Schema(example = "Kenya Power") String source, @Schema(example = "Kenya Power") String target) {

        static Entry of(GlossaryEntry entry) {
            return new Entry(entry.source(), entry.target());
        }
    }
}
