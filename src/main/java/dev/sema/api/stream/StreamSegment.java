package dev.sema.api.stream;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of one {@code segment} event (its SSE id is the index). */
@Schema(name = "StreamSegment", description = "Data of a `segment` event: one sentence, in order.")
@JsonbPropertyOrder({"index", "text", "separator", "sourceStart", "sourceEnd", "score"})
public record StreamSegment(
        @Schema(description = "Position among the text's segments, from 0; also the event's id.", example = "0")
        int index,
        @Schema(description = "The sentence's translation (a segment without letters passes through).",
                example = "Good morning.") String text,
        @Schema(description = "The white space that followed the sentence in the source; the segments' text and"
                + " separator, in order, read like the /translate answer.", example = " ") String separator,
        @JsonbProperty("source_start") @Schema(description = "Start of the sentence in the trimmed source text, in"
                + " Unicode code points.", example = "0") int sourceStart,
        @JsonbProperty("source_end") @Schema(description = "Its end (exclusive), in code points.", example = "17")
        int sourceEnd,
        @Schema(description = "With include_scores only: the sentence's score, as in TranslateResponse.scores.",
                example = "-0.42") Double score) {
}
