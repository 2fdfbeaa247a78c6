package dev.sema.api.compat.deepl;

import dev.sema.accounts.Period;
import dev.sema.accounts.PeriodUsage;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * DeepL's {@code /v2/usage}: one count and one limit. DeepL bills by month, so the month's are reported; a key with a
 * daily quota only reports the day's, and a key without a character quota reports {@link #UNLIMITED} (DeepL's
 * clients need a number).
 */
@Schema(name = "DeepLUsage")
public record DeepLUsage(@JsonbProperty("character_count") long characterCount,
                         @JsonbProperty("character_limit") long characterLimit) {

    static final long UNLIMITED = 1_000_000_000_000L;

    static DeepLUsage of(Map<Period, PeriodUsage> usage) {
        PeriodUsage month = usage.get(Period.MONTH);
        PeriodUsage day = usage.get(Period.DAY);
        PeriodUsage reported = month.limit() == null && day != null && day.limit() != null ? day : month;
        return new DeepLUsage(reported.characters(), reported.limit() == null ? UNLIMITED : reported.limit());
    }
}
