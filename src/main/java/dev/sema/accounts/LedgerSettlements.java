package dev.sema.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settling side of the ledger: applies {@link Settlement} steps to reservation rows and counter rows at most
 * once each, and finds the reservations a stopped server left behind.
 */
final class LedgerSettlements {

    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** One key's counter row of one period, ordered as rows are locked: by key, then day before month. */
    private record CounterRow(String keyId, Period period, LocalDate start) implements Comparable<CounterRow> {
        private static final Comparator<CounterRow> LOCK_ORDER = Comparator.comparing(CounterRow::keyId)
                .thenComparing(CounterRow::period).thenComparing(CounterRow::start);

        @Override
        public int compareTo(CounterRow other) {
            return LOCK_ORDER.compare(this, other);
        }
    }

    private final AccountsDatabase db;
    private final Clock clock;

    LedgerSettlements(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Applies settlement steps in one transaction: each changes its reservation row only if the row has seen exactly
     * the steps before it, and counts only then, so applying a step again (after a lost acknowledgement, or after
     * another server's sweep released the row) changes nothing. The counter changes are summed per row first, so a
     * key with many steps in the batch has its day and month rows updated once; rows are updated in one global
     * order (key, then day before month), the reservation's own order, so settling transactions of several servers
     * cannot deadlock with each other or with reservations.
     *
     * @param steps in the order each row's steps were made
     * @return how many of the steps were applied now
     * @throws AccountsUnavailableException when the database cannot be used; nothing was applied unless the commit
     *                                      itself was lost, and applying the same steps again is always right
     */
    int apply(List<Settlement> steps) {
        return db.transaction(c -> {
            List<Settlement> applied = applyToRows(c, steps);
            touchLastUsed(c, applied);
            Map<CounterRow, long[]> changes = new TreeMap<>();
            for (Settlement s : applied) {
                Reservation r = s.reservation();
                for (Period period : Period.values()) {
                    long[] change = changes.computeIfAbsent(new CounterRow(r.keyId(), period, period.start(r.day())),
                            row -> new long[3]);
                    change[0] += s.released();
                    change[1] += s.served();
                    change[2] += s.requests();
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE key_usage SET reserved = reserved - ?,"
                    + " characters = characters + ?, requests = requests + ? WHERE key_id = ? AND period = ?"
                    + " AND period_start = ?")) {
                for (Map.Entry<CounterRow, long[]> change : changes.entrySet()) {
                    CounterRow row = change.getKey();
                    update.setLong(1, change.getValue()[0]);
                    update.setLong(2, change.getValue()[1]);
                    update.setLong(3, change.getValue()[2]);
                    update.setString(4, row.keyId());
                    update.setString(5, row.period().code());
                    update.setObject(6, row.start());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return applied.size();
        }, () -> { });
    }

    /**
     * The steps this transaction applied to their rows. Intermediate steps run first, then last steps (which delete
     * the row): a row's last step is always its final one, and each kind keeps the order it was given in.
     */
    private static List<Settlement> applyToRows(Connection c, List<Settlement> steps) throws SQLException {
        List<Settlement> intermediate = steps.stream().filter(s -> !s.last()).toList();
        List<Settlement> last = steps.stream().filter(Settlement::last).toList();
        List<Settlement> applied = new ArrayList<>();
        try (PreparedStatement step = c.prepareStatement("UPDATE quota_reservations SET characters = ?,"
                + " settlements = settlements + 1 WHERE id = ? AND settlements = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM quota_reservations WHERE id = ?"
                     + " AND settlements = ?")) {
            for (Settlement s : intermediate) {
                step.setLong(1, s.left());
                step.setString(2, s.reservation().id());
                step.setInt(3, s.sequence());
                step.addBatch();
            }
            for (Settlement s : last) {
                delete.setString(1, s.reservation().id());
                delete.setInt(2, s.sequence());
                delete.addBatch();
            }
            collectApplied(step, intermediate, applied);
            collectApplied(delete, last, applied);
        }
        return applied;
    }

    /** Runs a batch and adds the steps whose statement changed their row. */
    private static void collectApplied(PreparedStatement batch, List<Settlement> steps, List<Settlement> applied)
            throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        int[] changed = batch.executeBatch(); // both drivers report each statement's count, never SUCCESS_NO_INFO
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 1) {
                applied.add(steps.get(i));
            }
        }
    }

    /**
     * Sets {@code last_used_at} of the keys that served a request, at most once a minute per key: an unconditional
     * update would make the key's row as hot as its counters; a row the WHERE does not match is not locked.
     */
    private void touchLastUsed(Connection c, List<Settlement> applied) throws SQLException {
        Set<String> used = new TreeSet<>(); // sorted: one lock order
        applied.stream().filter(s -> s.requests() > 0).forEach(s -> used.add(s.reservation().keyId()));
        if (used.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (PreparedStatement touch = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)")) {
            for (String keyId : used) {
                touch.setObject(1, now);
                touch.setString(2, keyId);
                touch.setObject(3, now.minus(LAST_USED_RESOLUTION));
                touch.addBatch();
            }
            touch.executeBatch();
        }
    }

    /** The last steps that release reservations older than {@code age}: left by a server that stopped. */
    List<Settlement> stale(Duration age) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, key_id, day_start, characters, settlements"
                    + " FROM quota_reservations WHERE created_at < ?")) {
                select.setObject(1, OffsetDateTime.now(clock).minus(age));
                try (ResultSet rows = select.executeQuery()) {
                    List<Settlement> stale = new ArrayList<>();
                    while (rows.next()) {
                        long held = rows.getLong(4);
                        stale.add(new Settlement(new Reservation(rows.getString(1), rows.getString(2),
                                rows.getObject(3, LocalDate.class), held), rows.getInt(5), held, 0, 0, 0, true));
                    }
                    return stale;
                }
            }
        });
    }
}
