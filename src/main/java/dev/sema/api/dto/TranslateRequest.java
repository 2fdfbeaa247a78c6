package dev.sema.api.dto;

import dev.sema.api.CharacterCost;
import dev.sema.api.markup.MarkupCost;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "TranslateRequest", description = "Text to translate. Unknown fields are ignored.")
public record TranslateRequest(
        @Schema(required = true, description = "Text to translate; surrounding whitespace is removed. At most"
                + " sema.max-characters (default 5000) Unicode code points.", example = "Habari ya asubuhi")
        String text,
        @JsonbProperty("target_language")
        @Schema(required = true, description = "FLORES-200 code, ISO 639 code or English name of the target"
                + " language.", example = "eng_Latn")
        String targetLanguage,
        @JsonbProperty("source_language")
        @Schema(description = "Source language (code, alias or name). Omit it, or send \"auto\", to detect it.",
                example = "swh_Latn")
        String sourceLanguage,
        @JsonbProperty("beam_size")
        @Schema(description = "Beams for decoding, 1 (greedy) to 8; default: the server's setting.", minimum = "1",
                maximum = "8", example = "4")
        Integer beamSize,
        @Schema(description = "Number of alternative translations to return besides the best one (at most"
                + " beam_size).", minimum = "0", maximum = "8", example = "0")
        Integer alternatives,
        @JsonbProperty("tag_handling")
        @Schema(description = "Read the text as markup: \"html\" (parsed leniently, as a browser does) or \"xml\""
                + " (strict; DTDs and entities off). Tags, comments, entities and verbatim elements are kept in"
                + " place and only text is translated. Absent: plain text.", enumeration = {"html", "xml"},
                example = "html")
        String tagHandling,
        @JsonbProperty("ignore_tags")
        @Schema(description = "XML only: elements copied verbatim, content included.", example = "[\"code\"]")
        List<String> ignoreTags,
        @JsonbProperty("splitting_tags")
        @Schema(description = "XML only: elements that always end a sentence (blocks).", example = "[\"para\"]")
        List<String> splittingTags,
        @JsonbProperty("non_splitting_tags")
        @Schema(description = "XML only: elements that never end a sentence (inline, moved with their words).",
                example = "[\"b\"]")
        List<String> nonSplittingTags,
        @JsonbProperty("glossary_id")
        @Schema(description = "A glossary of the calling key (POST /api/v1/glossaries): every entry whose source"
                + " term occurs in the text comes out as its target term, verbatim. It needs a dictionary for the"
                + " request's language pair.", example = "g_4f1d2c0b9a8e4d7c8b6a5f4e3d2c1b0a")
        String glossaryId,
        @JsonbProperty("include_scores")
        @Schema(description = "true: add scores, one per sentence (the mean log-probability of the tokens the model"
                + " chose for it), to the answer. Plain text only. Default false.", example = "false")
        Boolean includeScores) implements CharacterCost {

    /** Whether the client asked for scores (absent means no). */
    public boolean scoresWanted() {
        return Boolean.TRUE.equals(includeScores);
    }

    /** The translated characters count against an API key's character quota: for markup, its text only. */
    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public long characterCost() {
        return tagHandling == null ? CharacterCost.codePoints(text)
                : MarkupCost.characters(List.of(text == null ? "" : text), tagHandling, ignoreTags, splittingTags,
                nonSplittingTags);
    }
}
