package dev.sema.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code key_usage} counter rows: one per key, period and period start, created on a key's first request of the
 * period and remembered, so that the common path of a reservation does no insert.
 */
final class UsageRows {

    private final AccountsDatabase db;
    /** Counter rows known to exist; bounded by keys in use × 2 periods. */
    private final Set<String> knownRows = ConcurrentHashMap.newKeySet();

    UsageRows(AccountsDatabase db) {
        this.db = db;
    }

    /** Creates the key's day and month rows if this server has not seen them yet; a concurrent insert is fine. */
    void ensure(String keyId, LocalDate day) {
        for (Period period : Period.values()) {
            LocalDate start = period.start(day);
            String row = keyId + '/' + period.code() + '/' + start;
            if (knownRows.contains(row)) {
                continue;
            }
            db.read(c -> {
                if (counts(c, keyId, period, start).isEmpty()) {
                    insert(c, keyId, period, start);
                }
                return null;
            });
            if (knownRows.size() > 100_000) {
                knownRows.clear(); // old days' rows accumulate; forgetting them only costs one SELECT each
            }
            knownRows.add(row);
        }
    }

    /** Forgets every row: one vanished behind this server's back (database restored, rows deleted). */
    void forget() {
        knownRows.clear();
    }

    /** Characters and requests of one counter row, if it exists. */
    static Optional<long[]> counts(Connection c, String keyId, Period period, LocalDate start) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT characters, requests FROM key_usage"
                + " WHERE key_id = ? AND period = ? AND period_start = ?")) {
            select.setString(1, keyId);
            select.setString(2, period.code());
            select.setObject(3, start);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new long[] {row.getLong(1), row.getLong(2)}) : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, String keyId, Period period, LocalDate start) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO key_usage (key_id, period, period_start,"
                + " characters, reserved, requests) VALUES (?, ?, ?, 0, 0, 0)")) {
            insert.setString(1, keyId);
            insert.setString(2, period.code());
            insert.setObject(3, start);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // unique violation: another request or server created it first
                throw e;
            }
        }
    }
}
