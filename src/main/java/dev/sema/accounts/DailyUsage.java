package dev.sema.accounts;

import java.time.LocalDate;

/** One day of a key's history: characters and requests served. */
public record DailyUsage(LocalDate date, long characters, long requests) {
}
