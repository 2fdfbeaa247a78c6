package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DetectLanguageRequest")
public record DetectLanguageRequest(
        @Schema(required = true, description = "Text to identify; at most sema.detect-max-characters (default"
                + " 1000) code points.", example = "Habari ya asubuhi, rafiki yangu") String text,
        @JsonbProperty("top_k") @Schema(description = "Candidates to return in alternatives, 1 to 10.",
                minimum = "1", maximum = "10", defaultValue = "3", example = "3") Integer topK) {
}
