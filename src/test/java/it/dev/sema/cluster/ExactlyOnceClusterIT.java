package it.dev.sema.cluster;

import dev.sema.fleet.OwnRedis;
import it.dev.sema.Http;
import it.dev.sema.MetricsScrape;
import it.dev.sema.accounts.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once charging through HAProxy when a replica dies mid-request: two replicas on the slow echo model (a
 * translation takes long enough to be caught running) sharing a Redis of this class's own for idempotency records.
 * Keyed translations, half of them with an Idempotency-Key, go through the balancer at once; replica 1 is killed
 * (SIGKILL) while it translates its share, before it answered any. The balancer replays those on replica 2, which
 * charges each once (under the client's key, or under the balancer's request id for requests without one); the
 * clients' own retries of the keyed ones afterwards are answered from the kept answers, uncharged. The key's usage is
 * then exactly the characters of the distinct texts.
 */
class ExactlyOnceClusterIT {

    private static final String TRANSLATE = "/api/v1/translate";
    private static final int TEXTS = 8;
    private static final int VICTIM = 1;
    private static final int SURVIVOR = 2;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final OwnRedis REDIS = OwnRedis.startForClass();

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(2).with("SEMA_REDIS_URL", REDIS.url().toString())
            .with("SEMA_REDIS_TIMEOUT_MS", "5000")
            .with("SEMA_MODEL_DIR", System.getProperty("sema.test.models") + "/nllb-echo-slow");

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.close();
    }

    /** Ten sentences, different for every text and run, so nothing comes from the translation cache. */
    private static String text(String run, int i) {
        return IntStream.range(0, 10).mapToObj(s -> "Sentence " + s + " of text " + i + " in run " + run
                + " is about the zebrafish tank and its quiet corner.").collect(Collectors.joining(" "));
    }

    @Test
    void requestsReplayedAfterTheirReplicaDiedAreChargedOnce() throws Exception {
        Keys.Key key = Keys.create(CLUSTER.replica(SURVIVOR), Keys.body("exactly once " + UUID.randomUUID(), ""));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = IntStream.range(0, TEXTS).mapToObj(i -> text(run, i)).toList();
        List<Map<String, String>> headers = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            Map<String, String> h = new HashMap<>(key.headers());
            if (i % 2 == 0) {
                h.put("Idempotency-Key", "exactly-once-" + run + "-" + i);
            }
            headers.add(h);
        }
        long redispatched = CLUSTER.balancerStats().backend("wredis");
        long victimAnswered = CLUSTER.balancerStats().replica(VICTIM, "hrsp_2xx");

        List<Callable<Http.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            int n = i;
            calls.add(() -> CLUSTER.balancer().post(TRANSLATE, Keys.translation(texts.get(n)), headers.get(n)));
        }
        List<Callable<Void>> everything = new ArrayList<>(List.of(() -> {
            ClusterIT.awaitTrue(DEADLINE, "replica " + VICTIM + " to translate",
                    () -> running(CLUSTER.replica(VICTIM)) > 0);
            CLUSTER.kill(VICTIM);
            return null;
        }));
        List<Http.Reply> replies;
        try {
            List<Object> results = Keys.concurrently(concat(everything, calls));
            replies = results.subList(1, results.size()).stream().map(Http.Reply.class::cast).toList();
        } finally {
            CLUSTER.start(VICTIM);
        }
        assertEquals(victimAnswered, CLUSTER.balancerStats().replica(VICTIM, "hrsp_2xx"),
                "replica " + VICTIM + " was to die before it answered any (else what it served but had not yet"
                        + " recorded died with it): make the texts longer");
        long replayed = CLUSTER.balancerStats().backend("wredis") - redispatched;
        assertTrue(replayed > 0, "the balancer replayed no request: none met the killed replica");
        for (int i = 0; i < TEXTS; i++) {
            Http.Reply reply = replies.get(i);
            reply.expect(200);
            assertEquals(texts.get(i), reply.json().getString("translated_text"), "the echo model's answer");
        }
        for (int i = 0; i < TEXTS; i += 2) {
            Http.Reply retry = CLUSTER.balancer().post(TRANSLATE, Keys.translation(texts.get(i)), headers.get(i))
                    .expect(200);
            assertEquals("true", retry.header("Idempotent-Replayed"), "the client's retry of text " + i);
            assertEquals(replies.get(i).body(), retry.body());
        }
        long distinct = texts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
        System.out.printf("replica %d killed mid-request: %d requests replayed by the balancer; charged %d of %d%n",
                VICTIM, replayed, Keys.charactersToday(CLUSTER.replica(SURVIVOR), key.id()), distinct);
        assertEquals(distinct, Keys.charactersToday(CLUSTER.replica(SURVIVOR), key.id()),
                "every distinct text charged exactly once");
        assertEquals(distinct, Keys.charactersToday(CLUSTER.replica(VICTIM), key.id()), "the restarted replica agrees");
    }

    private static double running(Http replica) {
        return MetricsScrape.of(replica).getOrDefault(MetricsScrape.key("sema_inference_running"), 0.0);
    }

    private static List<Callable<Object>> concat(List<? extends Callable<?>> first,
                                                 List<? extends Callable<?>> second) {
        List<Callable<Object>> all = new ArrayList<>();
        first.forEach(c -> all.add(c::call));
        second.forEach(c -> all.add(c::call));
        return all;
    }
}
