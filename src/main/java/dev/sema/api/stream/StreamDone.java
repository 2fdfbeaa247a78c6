package dev.sema.api.stream;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of a stream's last event, {@code done}. */
@Schema(name = "StreamDone", description = "Data of the `done` event; the stream closes after it.")
@JsonbPropertyOrder({"segments", "characterCount", "firstSegmentTime", "inferenceTime", "totalTime"})
public record StreamDone(
        @Schema(description = "`segment` events sent.", example = "3") int segments,
        @JsonbProperty("character_count") @Schema(description = "Characters billed: Unicode code points of the"
                + " source sentences sent, each with the white space after it (the whole text's count).",
                example = "52") int characterCount,
        @JsonbProperty("first_segment_time") @Schema(description = "Seconds from request arrival to the first"
                + " `segment` event.", example = "0.091") double firstSegmentTime,
        @JsonbProperty("inference_time") @Schema(description = "Seconds from the inference slot to the last"
                + " segment.", example = "0.234") double inferenceTime,
        @JsonbProperty("total_time") @Schema(description = "Seconds from request arrival to this event.",
                example = "0.241") double totalTime) {
}
