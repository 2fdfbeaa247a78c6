package dev.sema.models;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Parses {@code sema.model-update-interval}: an ISO-8601 duration ({@code PT6H}) or whole seconds; 0 = off. */
public final class UpdateInterval {

    public static final String KEY = "sema.model-update-interval";

    private UpdateInterval() {
    }

    /**
     * @return the interval, {@link Duration#ZERO} when the periodic check is off
     * @throws IllegalArgumentException naming the key and the accepted forms
     */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return Duration.ZERO;
        }
        Duration interval;
        try {
            interval = v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(v);
        }
        if (interval.isNegative()) {
            throw invalid(v);
        }
        return interval;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(KEY + " (SEMA_MODEL_UPDATE_INTERVAL) must be an ISO-8601 duration such "
                + "as PT6H or a number of seconds (0 = off), got '" + value + "'");
    }
}
