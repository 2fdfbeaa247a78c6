package dev.sema.accounts;

import java.time.LocalDate;

/**
 * A key's usage in one period.
 *
 * @param start      first day (UTC)
 * @param end        first day after it
 * @param characters characters (code points) served
 * @param limit      the key's quota for the period, null if unlimited
 * @param requests   requests served (translation, batch and detection)
 */
public record PeriodUsage(Period period, LocalDate start, LocalDate end, long characters, Long limit,
                          long requests) {
}
