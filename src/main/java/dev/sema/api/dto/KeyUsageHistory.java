package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "KeyUsageHistory", description = "A key's usage per UTC day; days without traffic are absent.")
public record KeyUsageHistory(
        @JsonbProperty("key_id") String keyId,
        @Schema(example = "2026-11-01") String from,
        @Schema(example = "2026-11-30") String to,
        List<Day> days) {

    @Schema(name = "DailyUsage")
    public record Day(
            @Schema(example = "2026-11-07") String date,
            @JsonbProperty("character_count") long characterCount,
            long requests) {
    }
}
