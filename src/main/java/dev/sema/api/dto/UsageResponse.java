package dev.sema.api.dto;

import dev.sema.accounts.Period;
import dev.sema.accounts.PeriodUsage;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.ZoneOffset;
import java.util.Map;

@Schema(name = "Usage", description = "A key's usage in the current UTC day and calendar month.")
public record UsageResponse(
        @JsonbProperty("key_id") @Schema(example = "key_3f9a1c0b7d2e4f61") String keyId,
        PeriodUsageInfo day,
        PeriodUsageInfo month) {

    public static UsageResponse of(String keyId, Map<Period, PeriodUsage> usage) {
        return new UsageResponse(keyId, period(usage.get(Period.DAY)), period(usage.get(Period.MONTH)));
    }

    private static PeriodUsageInfo period(PeriodUsage usage) {
        return new PeriodUsageInfo(usage.characters(), usage.limit(), usage.requests(),
                usage.start().atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                usage.end().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    }
}
