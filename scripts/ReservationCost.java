import java.sql.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * What each part of the quota reservation transaction costs, straight over JDBC (no server), for docs/benchmarks.md:
 * THREADS threads, one connection and one key each (no row contention), run the reservation's statements on
 * copies of its tables (the conditional UPDATE of the day and month rows, the reservation-row INSERT), and parts of
 * it, in alternating variants; three measured rounds after a warm-up round, p50/p90 per transaction. (Re)creates
 * tables {@code u} and {@code r} in the given database: give it a database of its own.
 *
 * <p>Usage: {@code javac -d /tmp/rc scripts/ReservationCost.java && java -cp /tmp/rc:<postgresql.jar>:<h2.jar>
 * ReservationCost JDBC_URL USER THREADS TRANSACTIONS}
 */
public class ReservationCost {
    static final String[] VARIANTS = {"insert+2 updates", "2 updates only", "empty txn (commit only)", "insert only"};

    public static void main(String[] args) throws Exception {
        String url = args[0]; String user = args[1]; int threads = Integer.parseInt(args[2]); int n = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url, user, "sema"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS r");
            s.execute("DROP TABLE IF EXISTS u");
            s.execute("CREATE TABLE u (key_id VARCHAR(40), period CHAR(1), period_start DATE, characters BIGINT, reserved BIGINT, requests BIGINT, PRIMARY KEY (key_id, period, period_start))");
            s.execute("CREATE TABLE r (id VARCHAR(36) PRIMARY KEY, key_id VARCHAR(40), day_start DATE, characters BIGINT, created_at TIMESTAMP WITH TIME ZONE)");
            s.execute("CREATE INDEX r_created ON r (created_at)");
            for (int k = 0; k < threads; k++) for (String p : new String[]{"D", "M"})
                s.execute("INSERT INTO u VALUES ('k" + k + "', '" + p + "', DATE '2026-12-01', 0, 0, 0)");
        }
        for (int round = 0; round < 4; round++) {
            for (int v = 0; v < VARIANTS.length; v++) {
                List<Long> lat = run(url, user, threads, n, v);
                if (round > 0) System.out.printf("%s threads=%d %-26s p50 %.3f ms p90 %.3f ms%n", url.split(":")[1], threads, VARIANTS[v], pct(lat, 50), pct(lat, 90));
            }
        }
    }

    static List<Long> run(String url, String user, int threads, int n, int variant) throws Exception {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String key = "k" + t;
            fs.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, "sema")) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    for (int i = 0; i < n / threads; i++) {
                        long start = System.nanoTime();
                        if (variant == 0 || variant == 3) try (PreparedStatement p = c.prepareStatement("INSERT INTO r VALUES (?, ?, ?, ?, ?)")) {
                            p.setString(1, UUID.randomUUID().toString()); p.setString(2, key); p.setObject(3, LocalDate.of(2026, 12, 1));
                            p.setLong(4, 17); p.setObject(5, OffsetDateTime.now()); p.executeUpdate();
                        }
                        if (variant <= 1) for (String per : new String[]{"D", "M"}) try (PreparedStatement p = c.prepareStatement("UPDATE u SET reserved = reserved + ? WHERE key_id = ? AND period = ? AND period_start = ? AND characters + reserved + ? <= ?")) {
                            p.setLong(1, 17); p.setString(2, key); p.setString(3, per); p.setObject(4, LocalDate.of(2026, 12, 1)); p.setLong(5, 17); p.setLong(6, Long.MAX_VALUE / 2);
                            if (p.executeUpdate() != 1) throw new IllegalStateException();
                        }
                        if (variant == 2) try (PreparedStatement p = c.prepareStatement("SELECT 1")) { p.executeQuery().close(); }
                        c.commit();
                        lat.add(System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        return new ArrayList<>(lat);
    }

    static double pct(List<Long> l, int p) { List<Long> s = new ArrayList<>(l); Collections.sort(s); return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6; }
}
