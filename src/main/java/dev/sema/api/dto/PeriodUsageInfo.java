package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PeriodUsage", description = "Usage of one UTC period.")
public record PeriodUsageInfo(
        @JsonbProperty("character_count") @Schema(description = "Code points of source texts served.",
                example = "1234") long characterCount,
        @JsonbProperty("character_limit") @Schema(description = "The key's quota; absent: unlimited.",
                example = "100000") Long characterLimit,
        @Schema(description = "Requests served (translation, batch, detection).", example = "17") long requests,
        @JsonbProperty("period_start") @Schema(example = "2026-12-03T00:00:00Z") String periodStart,
        @JsonbProperty("period_end") @Schema(description = "When the quota renews.", example = "2026-12-04T00:00:00Z")
        String periodEnd) {
}
