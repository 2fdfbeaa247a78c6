package it.dev.sema.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EdgeFloodIT}'s flood straight at a replica's Liberty port, as when Sema faces clients without HAProxy: the
 * slow-header connections are closed by Liberty's own {@code httpOptions} read timeout (lowered to 10 s, HAProxy's
 * header timeout) and the burst is turned away by the replica's per-client rate limit (on here: 100 a minute per
 * address, near the default 60; the well-behaved client at 127.0.0.1 sends at most 90), while the well-behaved client keeps translating.
 */
class EdgeFloodDirectIT {

    private static final int PER_MINUTE = 100;

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(1).with("SEMA_HTTP_READ_TIMEOUT", "10s")
            .with("SEMA_HTTP_KEEP_ALIVE_TIMEOUT", "10s")
            .with("SEMA_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE))
            .with("SEMA_RATE_LIMIT_PER_HOUR", "100000");

    @Test
    void aClientKeepsTranslatingThroughSlowHeadersAndABurstAtLiberty() throws Exception {
        Flood.Outcome outcome = Flood.run(CLUSTER.replica(1), CLUSTER.replica(1).uri("/").getPort(),
                Duration.ofSeconds(10));
        System.out.println("EdgeFloodDirectIT at the replica: " + outcome);
        outcome.assertNormalClientUnharmed();
        long passed = outcome.burstReplies("HTTP/1.1 200", "");
        long refused = outcome.burstReplies("HTTP/1.1 429", "\"rate_limited\"");
        assertEquals(outcome.burst().size(), passed + refused, "the burst got 200s and the replica's 429s only");
        assertTrue(passed <= PER_MINUTE, "at most a minute's worth passed: " + passed);
        assertTrue(refused > 0, "the replica refused the rest: " + outcome);
    }
}
