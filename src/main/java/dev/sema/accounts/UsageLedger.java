package dev.sema.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Exact character quotas and usage, kept in the database so that every server sharing it sees one ledger.
 *
 * <p>Characters are first <em>reserved</em> (for one request, or for a server's next requests: a {@link Lease}): one
 * transaction inserts a reservation row and raises {@code reserved} on the key's day row, then its month row, each
 * with {@code UPDATE … WHERE characters + reserved + n <= limit}. The database evaluates that condition under the
 * row lock, after any concurrent update of the row committed, so however many requests and servers race, the sum
 * reserved never passes a limit (always day before month: one lock order, no deadlock; one statement for both rows
 * locks them in whatever order the scan meets them, and deadlocked on PostgreSQL under load). A reservation is then
 * <em>settled</em> in one or more steps ({@link Settlement}; served characters move from reserved to used, the
 * rest is given back), usually many at once ({@link #settle}). Each step checks and counts the row's steps, so
 * repeating one after a lost acknowledgement counts nothing twice. Each transaction touches the key's hot counter
 * rows last, so concurrent requests of one key hold their locks as briefly as possible.
 */
public final class UsageLedger {

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
    /** Counter rows known to exist, so the common path does no insert; bounded by keys in use × 2 periods. */
    private final Set<String> knownRows = ConcurrentHashMap.newKeySet();

    public UsageLedger(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Holds characters of the key's daily and monthly quota for a request: {@code needed} plus {@code ahead} (a block
     * for the key's next requests) if both periods keep at least {@code ahead} more free after it, else
     * {@code needed} alone, so that near a limit every request holds exactly its own.
     *
     * @param needed     code points of the request's texts; 0 (detection) checks no quota and counts a request only
     * @param commitLost called with the reservation when its commit failed and may have been applied anyway
     * @throws QuotaExceededException        when {@code needed} does not fit in what is left of a period
     * @throws AccountsUnavailableException  when the database cannot be used
     */
    public Reservation reserve(ApiKey key, long needed, long ahead, Consumer<Reservation> commitLost) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ensureRows(key.id(), day);
        if (ahead > 0 && roomAhead(key, day, needed, ahead)) {
            try {
                return hold(key, day, needed + ahead, commitLost);
            } catch (QuotaExceededException e) {
                // another request or server took the room meanwhile
            }
        }
        return hold(key, day, needed, commitLost);
    }

    /**
     * Holds a block of {@code ahead} characters of the key's {@code day} for its next requests, if both periods keep
     * at least as much again free after it; none near a limit.
     *
     * @throws AccountsUnavailableException when the database cannot be used
     */
    Optional<Reservation> reserveAhead(ApiKey key, LocalDate day, long ahead, Consumer<Reservation> commitLost) {
        ensureRows(key.id(), day);
        if (!roomAhead(key, day, 0, ahead)) {
            return Optional.empty();
        }
        try {
            return Optional.of(hold(key, day, ahead, commitLost));
        } catch (QuotaExceededException e) {
            return Optional.empty();
        }
    }

    /** One transaction: the reservation row, then {@code reserved} raised on the day row, then the month row. */
    private Reservation hold(ApiKey key, LocalDate day, long characters, Consumer<Reservation> commitLost) {
        Reservation reservation = new Reservation(UUID.randomUUID().toString(), key.id(), day, characters);
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO quota_reservations (id, key_id, day_start,"
                    + " characters, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, reservation.id());
                insert.setString(2, reservation.keyId());
                insert.setObject(3, day);
                insert.setLong(4, characters);
                insert.setObject(5, OffsetDateTime.now(clock));
                insert.executeUpdate();
            }
            for (Period period : Period.values()) { // day, then month: one lock order for every transaction
                take(c, reservation, period, key.limits().characters(period));
            }
            return null;
        }, () -> commitLost.accept(reservation));
        return reservation;
    }

    /**
     * Whether both limited periods have {@code needed} plus twice {@code ahead} free, read without locking: a guess
     * that the conditional updates of {@link #hold} then make exact.
     */
    private boolean roomAhead(ApiKey key, LocalDate day, long needed, long ahead) {
        if (Arrays.stream(Period.values()).allMatch(p -> key.limits().characters(p) == null)) {
            return true;
        }
        return db.read(c -> {
            for (Period period : Period.values()) {
                Long limit = key.limits().characters(period);
                if (limit == null) {
                    continue;
                }
                try (PreparedStatement select = c.prepareStatement("SELECT characters + reserved FROM key_usage"
                        + " WHERE key_id = ? AND period = ? AND period_start = ?")) {
                    select.setString(1, key.id());
                    select.setString(2, period.code());
                    select.setObject(3, period.start(day));
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next() || limit - row.getLong(1) < needed + 2 * ahead) {
                            return false;
                        }
                    }
                }
            }
            return true;
        });
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
    int settle(List<Settlement> steps) {
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
    public List<Settlement> stale(Duration age) {
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

    /** The key's usage in the current UTC day and month. */
    public Map<Period, PeriodUsage> current(ApiKey key) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return db.read(c -> {
            Map<Period, PeriodUsage> usage = new EnumMap<>(Period.class);
            for (Period period : Period.values()) {
                LocalDate start = period.start(day);
                long[] counts = counts(c, key.id(), period, start).orElse(new long[2]);
                usage.put(period, new PeriodUsage(period, start, period.end(start), counts[0],
                        key.limits().characters(period), counts[1]));
            }
            return usage;
        });
    }

    /** Day rows from {@code from} to {@code to} inclusive; days without traffic have no row. */
    public List<DailyUsage> days(String keyId, LocalDate from, LocalDate to) {
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

    /** Seconds from now until the period containing {@code day} ends. */
    long secondsToEnd(Period period, LocalDate day) {
        Duration left = Duration.between(clock.instant(), period.endOf(day).toInstant());
        long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Raises {@code reserved} on one period's row if the request fits, else throws. */
    private void take(Connection c, Reservation r, Period period, Long limit) throws SQLException {
        LocalDate start = period.start(r.day());
        boolean checked = limit != null && r.characters() > 0;
        String sql = "UPDATE key_usage SET reserved = reserved + ? WHERE key_id = ? AND period = ? AND period_start = ?"
                + (checked ? " AND characters + reserved + ? <= ?" : "");
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, r.characters());
            update.setString(2, r.keyId());
            update.setString(3, period.code());
            update.setObject(4, start);
            if (checked) {
                update.setLong(5, r.characters());
                update.setLong(6, limit);
            }
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        if (counts(c, r.keyId(), period, start).isEmpty()) {
            // the row vanished behind this server's back (database restored, rows deleted): this request gets 503,
            // the next one recreates the row
            knownRows.clear();
            throw new SQLException("usage row of " + r.keyId() + " missing", "40001");
        }
        throw new QuotaExceededException(period, limit, r.characters(), secondsToEnd(period, r.day()));
    }

    /** Characters and requests of one counter row, if it exists. */
    private static Optional<long[]> counts(Connection c, String keyId, Period period, LocalDate start)
            throws SQLException {
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

    /** Creates the key's day and month rows if this server has not seen them yet; a concurrent insert is fine. */
    private void ensureRows(String keyId, LocalDate day) {
        for (Period period : Period.values()) {
            LocalDate start = period.start(day);
            String row = keyId + '/' + period.code() + '/' + start;
            if (knownRows.contains(row)) {
                continue;
            }
            db.read(c -> {
                if (counts(c, keyId, period, start).isEmpty()) {
                    insertRow(c, keyId, period, start);
                }
                return null;
            });
            if (knownRows.size() > 100_000) {
                knownRows.clear(); // old days' rows accumulate; forgetting them only costs one SELECT each
            }
            knownRows.add(row);
        }
    }

    private static void insertRow(Connection c, String keyId, Period period, LocalDate start) throws SQLException {
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
