package it.dev.sema.cluster;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import it.dev.sema.accounts.QuotaRace;
import it.dev.sema.ui.Browser;
import it.dev.sema.ui.OpenApiPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas behind HAProxy ({@code scripts/cluster}, {@code deploy/haproxy/sema.cfg}) on one PostgreSQL
 * database: what clients of the balancer see while replicas restart or crash, quotas across replicas, and the
 * OpenAPI UI reached through the balancer.
 */
class ClusterIT {

    private static final int CLIENTS = 4;
    private static final int PER_SECOND = 25;

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(3);

    /** A rolling restart as an orchestrator does it: SIGTERM, wait for the exit, start, wait until routed. */
    @Test
    void restartingEveryReplicaInTurnFailsNoRequest() throws Exception {
        ClientLoad load = ClientLoad.start(CLUSTER.balancer(), CLIENTS, PER_SECOND);
        try (load) {
            load.awaitServed(40, Duration.ofSeconds(60));
            for (int i = 1; i <= CLUSTER.size(); i++) {
                CLUSTER.restart(i);
                load.awaitServed(40, Duration.ofSeconds(60));
            }
        }
        System.out.printf("rolling restart of %d replicas: %d requests served, %d failed%n", CLUSTER.size(),
                load.served(), load.failures().size());
        assertEquals(List.of(), load.failures(), "what clients saw during the rolling restart");
    }

    /**
     * A replica killed (SIGKILL) while it has requests in progress: those, and the requests sent to it until the
     * balancer's checks mark it down, are replayed on the others. The balancer's redispatch count shows the
     * replays happened, so a run in which no request met the dead replica cannot pass.
     */
    @Test
    void killingAReplicaUnderLoadFailsNoRequest() throws Exception {
        int victim = 2;
        long redispatched = CLUSTER.balancerStats().backend("wredis");
        ClientLoad load = ClientLoad.start(CLUSTER.balancer(), CLIENTS, PER_SECOND);
        try (load) {
            load.awaitServed(40, Duration.ofSeconds(60));
            awaitTrue(Duration.ofSeconds(30), "replica " + victim + " to have requests in progress",
                    () -> CLUSTER.balancerStats().replica(victim, "scur") > 0);
            CLUSTER.kill(victim);
            awaitTrue(Duration.ofSeconds(30), "the balancer to mark replica " + victim + " DOWN",
                    () -> CLUSTER.balancerStats().status(victim).startsWith("DOWN"));
            load.awaitServed(100, Duration.ofSeconds(60));
        } finally {
            CLUSTER.start(victim);
        }
        long replayed = CLUSTER.balancerStats().backend("wredis") - redispatched;
        System.out.printf("replica %d killed: %d requests served, %d failed, %d replayed on another replica%n",
                victim, load.served(), load.failures().size(), replayed);
        assertEquals(List.of(), load.failures(), "what clients saw when a replica was killed");
        assertTrue(replayed > 0, "the balancer replayed no request: none met the killed replica");
    }

    /** 40 concurrent 100-character requests with one key against 1,000 characters, spread by the balancer. */
    @Test
    void quotasStayExactThroughTheBalancer() throws Exception {
        BalancerStats before = CLUSTER.balancerStats();
        List<Http> replicas = IntStream.rangeClosed(1, CLUSTER.size()).mapToObj(CLUSTER::replica).toList();
        Keys.Key key = QuotaRace.fortyRequestsAgainstAThousandCharacters(List.of(CLUSTER.balancer()), replicas);
        BalancerStats after = CLUSTER.balancerStats();
        for (int i = 1; i <= CLUSTER.size(); i++) {
            assertTrue(after.replica(i, "stot") > before.replica(i, "stot"), "replica " + i + " served none of them");
            assertEquals(1000, Keys.charactersToday(CLUSTER.replica(i), key.id()), "replica " + i + "'s ledger");
        }
    }

    /** "Try it out" in the OpenAPI UI opened on the balancer's port goes to the balancer, not to the replica. */
    @Test
    void theOpenApiUiTriesOperationsThroughTheBalancer() {
        Browser.requireChromium();
        try (Browser browser = Browser.start()) {
            new OpenApiPage(browser, CLUSTER.balancer()).open().translate("Habari za jioni")
                    .assertTranslatedBy(CLUSTER.balancer(), "Habari za jioni");
        }
    }

    /** Polls {@code condition} until it holds; fails after {@code timeout}. */
    static void awaitTrue(Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
