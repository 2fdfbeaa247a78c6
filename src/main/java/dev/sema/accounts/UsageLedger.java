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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    private final AccountsDatabase db;
    private final Clock clock;
    private final UsageRows rows;
    private final LedgerSettlements settlements;
    private final UsageReadings readings;

    public UsageLedger(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.rows = new UsageRows(db);
        this.settlements = new LedgerSettlements(db, clock);
        this.readings = new UsageReadings(db, clock);
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
        rows.ensure(key.id(), day);
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
        rows.ensure(key.id(), day);
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
     * Applies settlement steps in one transaction, each at most once ({@link LedgerSettlements#apply}).
     *
     * @param steps in the order each row's steps were made
     * @return how many of the steps were applied now
     * @throws AccountsUnavailableException when the database cannot be used; nothing was applied unless the commit
     *                                      itself was lost, and applying the same steps again is always right
     */
    int settle(List<Settlement> steps) {
        return settlements.apply(steps);
    }

    /**
     * Ends a reservation of its own ({@link #reserve} without a block ahead) that outlived the request that made it,
     * as a document job does: {@code served} characters and one request charged, the rest released; 0 releases it
     * all. Applied at most once, so a replica that finishes a job another replica already settled charges nothing.
     *
     * @throws AccountsUnavailableException when the database cannot be used; settling again later is always right
     */
    public void settleAlone(Reservation reservation, long served) {
        settle(List.of(served > 0 ? Settlement.served(reservation, Math.min(served, reservation.characters()))
                : Settlement.released(reservation)));
    }

    /**
     * Marks reservations as still in use, so that {@link #stale} does not take them for those of a stopped server:
     * a document waits and runs for longer than {@code sema.accounts-reservation-timeout}.
     */
    public void keepAlive(Collection<String> reservationIds) {
        if (reservationIds.isEmpty()) {
            return;
        }
        db.read(c -> {
            try (PreparedStatement touch = c.prepareStatement(
                    "UPDATE quota_reservations SET created_at = ? WHERE id = ?")) {
                for (String id : reservationIds) {
                    touch.setObject(1, OffsetDateTime.now(clock));
                    touch.setString(2, id);
                    touch.addBatch();
                }
                touch.executeBatch();
            }
            return null;
        });
    }

    /** The last steps that release reservations older than {@code age}: left by a server that stopped. */
    public List<Settlement> stale(Duration age) {
        return settlements.stale(age);
    }

    /** The key's usage in the current UTC day and month. */
    public Map<Period, PeriodUsage> current(ApiKey key) {
        return readings.current(key);
    }

    /** Day rows from {@code from} to {@code to} inclusive; days without traffic have no row. */
    public List<DailyUsage> days(String keyId, LocalDate from, LocalDate to) {
        return readings.days(keyId, from, to);
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
        if (UsageRows.counts(c, r.keyId(), period, start).isEmpty()) {
            // the row vanished behind this server's back (database restored, rows deleted): this request gets 503,
            // the next one recreates the row
            rows.forget();
            throw new SQLException("usage row of " + r.keyId() + " missing", "40001");
        }
        throw new QuotaExceededException(period, limit, r.characters(), secondsToEnd(period, r.day()));
    }
}
