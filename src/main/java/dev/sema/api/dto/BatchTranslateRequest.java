package dev.sema.api.dto;

import dev.sema.api.CharacterCost;
import dev.sema.api.markup.MarkupCost;
import dev.sema.api.filter.RateLimitCost;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "BatchTranslateRequest", description = "Several texts to one target language.")
public record BatchTranslateRequest(
        @Schema(required = true, description = "1 to sema.batch-max-texts (default 100) texts; together at most"
                + " sema.max-characters code points.", example = "[\"Habari ya asubuhi\", \"Asante sana\"]")
        List<String> texts,
        @JsonbProperty("target_language") @Schema(required = true, example = "eng_Latn") String targetLanguage,
        @JsonbProperty("source_language") @Schema(description = "Source of every text; omit to detect each"
                + " text's language.", example = "swh_Latn") String sourceLanguage,
        @JsonbProperty("beam_size") @Schema(minimum = "1", maximum = "8", example = "4") Integer beamSize,
        @Schema(minimum = "0", maximum = "8", example = "0") Integer alternatives,
        @JsonbProperty("tag_handling") @Schema(description = "As on /translate: \"html\" or \"xml\" for every"
                + " text; absent: plain text.", enumeration = {"html", "xml"}) String tagHandling,
        @JsonbProperty("ignore_tags") @Schema(description = "XML only, as on /translate.") List<String> ignoreTags,
        @JsonbProperty("splitting_tags") @Schema(description = "XML only, as on /translate.")
        List<String> splittingTags,
        @JsonbProperty("non_splitting_tags") @Schema(description = "XML only, as on /translate.")
        List<String> nonSplittingTags,
        @JsonbProperty("glossary_id") @Schema(description = "As on /translate, for every text.") String glossaryId,
        @JsonbProperty("include_scores") @Schema(description = "As on /translate, for every text.")
        Boolean includeScores)
        implements RateLimitCost, CharacterCost {

    /** Whether the client asked for scores (absent means no). */
    public boolean scoresWanted() {
        return Boolean.TRUE.equals(includeScores);
    }

    /** One request of quota per text, so a batch cannot multiply a client's allowance. */
    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public int rateLimitCost() {
        return texts == null ? 1 : Math.max(1, texts.size());
    }

    /** Every text counts against an API key's character quota: for markup, its translated text only. */
    @Override
    @JsonbTransient
    @Schema(hidden = true)
    public long characterCost() {
        if (texts == null) {
            return 0;
        }
        return tagHandling == null ? texts.stream().mapToLong(CharacterCost::codePoints).sum()
                : MarkupCost.characters(texts, tagHandling, ignoreTags, splittingTags, nonSplittingTags);
    }
}
