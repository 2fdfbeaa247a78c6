package it.dev.sema.accounts;

import it.dev.sema.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exactness check of the issue: 40 concurrent requests of 100 characters against a quota of 1,000, spread over
 * the given servers (which share one database) → exactly 10 served, 30 refused with 429 quota_exceeded, and the
 * ledger says 1,000 on every server. Returns the key it raced.
 */
public final class QuotaRace {

    private QuotaRace() {
    }

    public static Keys.Key fortyRequestsAgainstAThousandCharacters(List<Http> servers) throws Exception {
        return fortyRequestsAgainstAThousandCharacters(servers, servers);
    }

    /**
     * @param servers where the requests go (a load balancer may stand for several servers)
     * @param ledgers every server that may have answered them: each records its own answered requests when asked
     *                for usage, so a balancer cannot stand for them here
     */
    public static Keys.Key fortyRequestsAgainstAThousandCharacters(List<Http> servers, List<Http> ledgers)
            throws Exception {
        Keys.Key key = Keys.create(servers.get(0), Keys.body("race", "\"characters_per_day\":1000"));
        List<Callable<Http.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Http server = servers.get(i % servers.size());
            String body = Keys.translation(Keys.hundredCharacters(i));
            calls.add(() -> server.post("/api/v1/translate", body, key.headers()));
        }
        int served = 0;
        for (Http.Reply reply : Keys.concurrently(calls)) {
            if (reply.status() == 200) {
                assertEquals(100, reply.json().getInt("character_count"), reply.body());
                served++;
            } else {
                reply.error(429, "quota_exceeded");
                long retryAfter = Long.parseLong(reply.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 86_400, "Retry-After is the time to UTC midnight: "
                        + retryAfter);
            }
        }
        assertEquals(10, served, "exactly the quota's worth of 100-character requests is served");
        // A server records its own answered requests before it reports usage, another server's within that server's
        // settle interval: once each has reported once, every request is recorded, and all must agree.
        ledgers.forEach(server -> Keys.charactersToday(server, key.id()));
        for (Http server : ledgers) {
            assertEquals(1000, Keys.charactersToday(server, key.id()), "every server reads the same ledger");
        }
        return key;
    }
}
