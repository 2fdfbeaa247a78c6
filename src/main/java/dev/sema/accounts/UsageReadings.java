package dev.sema.accounts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the ledger's counter rows say about a key's usage, read without locking. */
final class UsageReadings {

    private final AccountsDatabase db;
    private final Clock clock;

    UsageReadings(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The key's usage in the current UTC day and month. */
    Map<Period, PeriodUsage> current(ApiKey key) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return db.read(c -> {
            Map<Period, PeriodUsage> usage = new EnumMap<>(Period.class);
            for (Period period : Period.values()) {
                LocalDate start = period.start(day);
                long[] counts = UsageRows.counts(c, key.id(), period, start).orElse(new long[2]);
                usage.put(period, new PeriodUsage(period, start, period.end(start), counts[0],
                        key.limits().characters(period), counts[1]));
            }
            return usage;
        });
    }

    /** Day rows from {@code from} to {@code to} inclusive; days without traffic have no row. */
    List<DailyUsage> days(String keyId, LocalDate from, LocalDate to) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT period_start, characters, requests FROM key_usage"
                    + " WHERE key_id = ? AND period = 'D' AND period_start BETWEEN ? AND ? ORDER BY period_start")) {
                select.setString(1, keyId);
                select.setObject(2, from);
                select.setObject(3, to);
                try (ResultSet rows = select.executeQuery()) {
                    List<DailyUsage> days = new ArrayList<>();
                    while (rows.next()) {
                        days.add(new DailyUsage(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getLong(3)));
                    }
                    return days;
                }
            }
        });
    }
}
