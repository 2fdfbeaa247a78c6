package dev.sema.api.dto;

import dev.sema.languages.LanguageStats;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(name = "LanguageStatsResponse")
@JsonbPropertyOrder({"totalLanguages", "regions", "scripts", "popular", "african", "byRegion"})
public record LanguageStatsResponse(
        @JsonbProperty("total_languages") @Schema(example = "202") int totalLanguages,
        @Schema(description = "Number of regions.", example = "6") int regions,
        @Schema(description = "Number of scripts.", example = "29") int scripts,
        @Schema(description = "Number of popular languages.", example = "34") int popular,
        @Schema(description = "Number of African languages.", example = "56") int african,
        @JsonbProperty("by_region") @Schema(description = "Languages per region.") Map<String, Integer> byRegion) {

    public static LanguageStatsResponse from(LanguageStats s) {
        return new LanguageStatsResponse(s.totalLanguages(), s.regions(), s.scripts(), s.popular(), s.african(),
                s.byRegion());
    }
}
