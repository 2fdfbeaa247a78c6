package dev.sema.accounts;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The accounts domain on a fresh in-memory H2 database, migrated by the real Flyway scripts, with a clock the test
 * moves and a switch that takes the database away (every {@code getConnection} fails, as with a dead network).
 */
public final class TestLedger {

    /** A clock the test sets. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records what {@link Quotas} reports instead of metrics and logs. */
    static final class RecordedEvents extends AccountsEvents {
        final List<String> seen = new ArrayList<>();

        @Override
        public void quotaExceeded(String keyId, Period period, long limit, long requested) {
            seen.add("quota_exceeded " + period + " " + limit + " " + requested);
        }

        @Override
        public void authFailed(String reason) {
            seen.add("auth_failed " + reason);
        }

        @Override
        public void keyChanged(String action, String keyId) {
            seen.add(action);
        }
    }

    final MovableClock clock;
    final AccountsDatabase database;
    final UsageLedger ledger;
    final Leases leases;
    final UsageSettler settler;
    final Quotas quotas;
    final KeyStore store;
    final RecordedEvents events = new RecordedEvents();
    /** Transactions committed (or whose commit was lost): one per settled batch. */
    final AtomicInteger commits = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean loseNextCommit;

    /** Every request reserves its own characters. */
    TestLedger(Instant now) {
        this(now, 0);
    }

    /** @param block characters a lease reserves ahead */
    TestLedger(Instant now, long block) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DataSource switchable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (down && method.getName().equals("getConnection")) {
                        throw new SQLTransientConnectionException("database switched off by the test", "08001");
                    }
                    Object result = invoke(method, h2, args);
                    return result instanceof Connection c ? watched(c) : result;
                });
        this.clock = new MovableClock(now);
        this.database = new AccountsDatabase(switchable, 7);
        this.ledger = new UsageLedger(database, clock);
        this.leases = new Leases(block, clock);
        this.settler = new UsageSettler(ledger, leases);
        this.quotas = new Quotas(ledger, settler, leases, Duration.ofMinutes(10), events);
        this.store = new KeyStore(database);
    }

    /** A connection that counts commits and, when told, commits but reports a failure (the acknowledgement lost). */
    private Connection watched(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                        if (loseNextCommit) {
                            loseNextCommit = false;
                            throw new SQLTransientConnectionException("connection lost after the commit", "08006");
                        }
                    }
                    return result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A sealing key for signing secrets: base64 of 32 bytes. */
    static final String SIGNING_KEK = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** Keys of this ledger's store, looked up under {@code mode}. */
    KeyAuthenticator authenticator(AccountsMode mode) {
        return new KeyAuthenticator(new AccountsConfig(mode, Duration.ofSeconds(10), 5, Duration.ofMinutes(10), 0,
                Duration.ofDays(365)),
                store, events, clock);
    }

    KeyAdministration administration(KeyAuthenticator authenticator) {
        return administration(authenticator, new SigningSecrets(Optional.of(SIGNING_KEK)));
    }

    KeyAdministration administration(KeyAuthenticator authenticator, SigningSecrets signing) {
        return new KeyAdministration(store, ledger, settler, authenticator, events, signing, clock);
    }

    /** The next commit is applied, but its caller is told it failed. */
    void loseNextCommit() {
        loseNextCommit = true;
    }

    /** Ends one request's reservation right away; true if it was still open. */
    boolean finish(Reservation reservation, boolean served) {
        return ledger.settle(List.of(served ? Settlement.served(reservation) : Settlement.released(reservation))) == 1;
    }

    /**
     * 40 concurrent requests of 100 characters for {@code key}, each served at once, while {@code between} runs in
     * a loop beside them (with its round number) until they are done; returns how many were admitted.
     */
    int fortyConcurrentRequestsOfAHundred(ApiKey key, IntConsumer between) throws Exception {
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(() -> {
                try {
                    quotas.finish(quotas.reserve(key, 100), true);
                    return true;
                } catch (QuotaExceededException e) {
                    return false;
                }
            });
        }
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread beside = new Thread(() -> {
            for (int round = 0; racing.get(); round++) {
                between.accept(round);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(40);
        int admitted = 0;
        beside.start();
        try {
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                admitted += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
            racing.set(false);
            beside.join(60_000);
        }
        return admitted;
    }

    void setDown(boolean down) {
        this.down = down;
    }

    ApiKey key(KeyLimits limits) {
        String secret = KeySecrets.newSecret();
        ApiKey key = new ApiKey(KeySecrets.newId(), KeySecrets.displayPrefix(secret),
                new KeySettings("test", limits, true, null, null, List.of()), OffsetDateTime.now(clock), null, null);
        store.insert(key, KeySecrets.digest(secret), null, new Actor("test", "req", "127.0.0.1")
                .event(key.createdAt(), AuditEvent.KEY_CREATED, key.id(), AuditEvent.Outcome.SUCCESS, ""));
        return key;
    }

    long characters(ApiKey key, Period period) {
        return ledger.current(key).get(period).characters();
    }

    long requests(ApiKey key, Period period) {
        return ledger.current(key).get(period).requests();
    }

    /** Characters still reserved plus reservation rows: 0 once every request has ended. */
    long held(ApiKey key) throws SQLException {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT (SELECT COALESCE(SUM(reserved), 0) FROM key_usage WHERE key_id = ?"
                    + " AND period = 'D')"
                    + " + (SELECT COUNT(*) FROM quota_reservations WHERE key_id = ?)")) {
                s.setString(1, key.id());
                s.setString(2, key.id());
                try (var row = s.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
