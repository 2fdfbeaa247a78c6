package dev.sema.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Response timestamps: ISO-8601 with offset (Sema used a Nairobi-local display format nobody could parse). */
public final class Timestamps {

    private Timestamps() {
    }

    public static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The instant in the same format, or null for null (an absent field in the JSON). */
    public static String of(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
