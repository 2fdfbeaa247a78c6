package it.dev.sema.accounts;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts on PostgreSQL: semaPgIT (mode optional, through the TCP proxy the cut test cuts) and semaPg2IT (mode
 * required, directly) share the build's own database.
 */
class PostgresAccountsIT {

    private static final String DETECT = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";

    private final Http pg = Http.on("http.port.pg").awaitReady(Duration.ofSeconds(120));
    private final Http pg2 = Http.on("http.port.pg2").awaitReady(Duration.ofSeconds(120));

    @Test
    void fortyConcurrentRequestsServeExactlyTenOnOneServer() throws Exception {
        QuotaRace.fortyRequestsAgainstAThousandCharacters(List.of(pg));
    }

    @Test
    void fortyConcurrentRequestsServeExactlyTenAcrossTwoServers() throws Exception {
        QuotaRace.fortyRequestsAgainstAThousandCharacters(List.of(pg, pg2));
    }

    /**
     * A quota large enough for both servers to reserve blocks ahead (10,000 characters each, while two blocks are
     * free), spent by concurrent requests on both: never more than the quota is served, and once the blocks the
     * servers held have come back (5 s at most) exactly the quota has been served, and the ledger says so.
     */
    @Test
    void serversHoldingBlocksAheadServeExactlyTheQuotaBetweenThem() throws Exception {
        Keys.Key key = Keys.create(pg, Keys.body("blocks", "\"characters_per_day\":50000"));
        List<Http> servers = List.of(pg, pg2);
        AtomicLong served = new AtomicLong();
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int worker = w;
            workers.add(() -> { // until its server refuses: the quota is spent or held by the other server
                int refusals = 0;
                for (int i = 0; refusals == 0; i++) {
                    refusals += send(servers.get((worker + i) % 2), key, worker * 10_000 + i, served) ? 0 : 1;
                }
                return refusals;
            });
        }
        Keys.concurrently(workers);
        assertTrue(served.get() <= 50_000, "never more than the quota: " + served.get());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; served.get() < 50_000; i++) { // the rest, as the servers give back what they held ahead
            if (!send(servers.get(i % 2), key, 100_000 + i, served)) {
                assertTrue(System.nanoTime() < deadline, "waited 60 s for the held characters: " + served.get());
                Thread.sleep(100);
            }
        }
        assertEquals(50_000, served.get());
        for (Http server : servers) {
            assertFalse(send(server, key, 0, served), "the quota is spent on both");
        }
        // each server records what it served before it reports usage, the other's within its settle interval
        servers.forEach(server -> Keys.charactersToday(server, key.id()));
        for (Http server : servers) {
            assertEquals(50_000, Keys.charactersToday(server, key.id()), "every server reads the same ledger");
        }
        awaitTrue(Duration.ofSeconds(30), "no characters held for the key any more",
                () -> heldInDatabase(key.id()) == 0);
    }

    /** One 100-character translation: true if served (counted), false if refused with 429 quota_exceeded. */
    private static boolean send(Http server, Keys.Key key, int i, AtomicLong served) {
        Http.Reply reply = server.post("/api/v1/translate", Keys.translation(Keys.hundredCharacters(i)),
                key.headers());
        if (reply.status() == 200) {
            served.addAndGet(reply.json().getInt("character_count"));
            return true;
        }
        reply.error(429, "quota_exceeded");
        return false;
    }

    @Test
    void requiredModeWantsAKeyForTranslationAndDetectionOnly() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Http.Reply missing = pg2.post("/api/v1/translate", Keys.translation("Hello"), json);
        missing.error(401, "api_key_required");
        assertTrue(missing.header("WWW-Authenticate").startsWith("Bearer"));
        pg2.post("/translate/batch", "{\"texts\":[\"a\"],\"target_language\":\"fra_Latn\"}", json)
                .error(401, "api_key_required");
        pg2.post("/detect-language", DETECT, json).error(401, "api_key_required");
        pg2.get("/api/v1/languages/sw").expect(200);
        pg2.get("/health/ready").expect(200);
        pg2.get("/openapi").expect(200);
        Keys.Key key = Keys.create(pg2, Keys.body("required", ""));
        pg2.post("/detect-language", DETECT, key.headers()).expect(200);
        pg.post("/detect-language", DETECT, json).expect(200); // the other server is optional
    }

    @Test
    void aKeyRevokedOnOneServerIsRefusedByTheOtherWithinTheCacheTime() throws InterruptedException {
        Keys.Key key = Keys.create(pg, Keys.body("revoked elsewhere", ""));
        pg2.post("/detect-language", DETECT, key.headers()).expect(200);
        pg.method("DELETE", "/api/v1/admin/keys/" + key.id(), Keys.ADMIN).expect(200);
        pg.post("/detect-language", DETECT, key.headers()).error(401, "invalid_api_key");
        awaitTrue(Duration.ofSeconds(30), "semaPg2IT to refuse the revoked key (cache: 2 s)",
                () -> pg2.post("/detect-language", DETECT, key.headers()).status() == 401);
    }

    /**
     * Cuts semaPgIT's database connection (the TCP proxy, never PostgreSQL itself) under load and restores it:
     * anonymous requests keep being served, key requests get 503 accounts_unavailable meanwhile, everything works
     * again without a restart, and the ledger ends with exactly the characters of the 200 responses.
     */
    @Test
    void cuttingTheDatabaseMidLoadLosesNothingAndCountsNothingTwice() throws Exception {
        Keys.Key key = Keys.create(pg2, Keys.body("cut", ""));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong servedCharacters = new AtomicLong();
        AtomicLong servedRequests = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong anonymous = new AtomicLong();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.add(new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String text = "cut " + thread + " " + i + " " + "y".repeat(i % 37);
                    Http.Reply reply;
                    try {
                        reply = pg.post("/api/v1/translate", Keys.translation(text), key.headers());
                    } catch (RuntimeException e) {
                        unexpected.add(e.toString());
                        continue;
                    }
                    if (reply.status() == 200) {
                        servedCharacters.addAndGet(reply.json().getInt("character_count"));
                        servedRequests.incrementAndGet();
                    } else if (reply.status() == 503 && reply.body().contains("accounts_unavailable")
                            && reply.header("Retry-After") != null) {
                        unavailable.incrementAndGet();
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                }
            }));
        }
        load.add(new Thread(() -> {
            while (!stop.get()) {
                Http.Reply reply;
                try {
                    reply = pg.post("/api/v1/translate", Keys.translation("anonymous"),
                            Map.of("Content-Type", "application/json"));
                } catch (RuntimeException e) {
                    unexpected.add("anonymous: " + e);
                    continue;
                }
                if (reply.status() == 200) {
                    anonymous.incrementAndGet();
                } else {
                    unexpected.add("anonymous: " + reply.status() + " " + reply.body());
                }
            }
        }));
        load.forEach(Thread::start);
        try {
            awaitTrue(Duration.ofSeconds(60), "key requests served before the cut", () -> servedRequests.get() >= 50);
            PgProxy.cut();
            long anonymousAtCut = anonymous.get();
            awaitTrue(Duration.ofSeconds(60), "key requests refused with 503 accounts_unavailable during the cut",
                    () -> unavailable.get() >= 20);
            awaitTrue(Duration.ofSeconds(60), "anonymous requests served during the cut",
                    () -> anonymous.get() >= anonymousAtCut + 10);
            PgProxy.restore();
            long servedAtRestore = servedRequests.get();
            awaitTrue(Duration.ofSeconds(60), "key requests served again after the restore, without a restart",
                    () -> servedRequests.get() >= servedAtRestore + 50);
        } finally {
            PgProxy.restore();
            stop.set(true);
            for (Thread thread : load) {
                thread.join(60_000);
            }
        }
        assertTrue(unexpected.isEmpty(), "unexpected answers: " + unexpected);
        Keys.adminView(pg, key.id()); // semaPgIT records what it served before it reads; semaPg2IT reads the ledger
        awaitTrue(Duration.ofSeconds(30), "the ledger to hold exactly the " + servedCharacters.get()
                + " characters served, with no reservation left", () -> {
                    JsonObject day = Keys.adminView(pg2, key.id()).getJsonObject("usage").getJsonObject("day");
                    return day.getJsonNumber("character_count").longValue() == servedCharacters.get()
                            && day.getJsonNumber("requests").longValue() == servedRequests.get()
                            && heldInDatabase(key.id()) == 0;
                });
        JsonObject day = Keys.adminView(pg2, key.id()).getJsonObject("usage").getJsonObject("day");
        assertEquals(servedCharacters.get(), day.getJsonNumber("character_count").longValue());
        assertEquals(servedRequests.get(), day.getJsonNumber("requests").longValue());
    }

    /** Characters still reserved for the key, plus its reservation rows, read straight from PostgreSQL. */
    private static long heldInDatabase(String keyId) {
        try (Connection c = DriverManager.getConnection(System.getProperty("pg.url"), System.getProperty("pg.user"),
                "");
             PreparedStatement held = c.prepareStatement("SELECT (SELECT COALESCE(SUM(reserved), 0) FROM key_usage"
                     + " WHERE key_id = ?) + (SELECT COUNT(*) FROM quota_reservations WHERE key_id = ?)")) {
            held.setString(1, keyId);
            held.setString(2, keyId);
            try (ResultSet row = held.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
