package it.dev.sema.cluster;

import dev.sema.fleet.TestKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import it.dev.sema.MetricsScrape;
import dev.sema.DeployedQueries;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas behind HAProxy sharing the machine's Redis (under a prefix of this class's own): the translation
 * cache's shared level and fleet-wide reloads, seen from outside through each replica's metrics and admin API, and the
 * fleet as a real Prometheus with deploy/prometheus's configuration sees it. Two inference slots per replica, so
 * that a few dozen clients make requests queue.
 */
class FleetClusterIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization",
            "Bearer " + System.getProperty("admin.token"), "Content-Type", "application/json");

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String PREFIX = "sema-it-" + UUID.randomUUID() + ":";

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(3).with("SEMA_REDIS_URL", REDIS).with("SEMA_REDIS_PREFIX", PREFIX)
            .with("SEMA_FLEET_HEARTBEAT_S", "1").with("SEMA_INFERENCE_CONCURRENCY", "2");
    private static final String TRANSLATE_BUCKETS =
            "sema_request_duration_seconds_bucket{endpoint=\"/api/v1/translate\"}";

    /** The replicas' cache entries would stay a day (sema.cache-ttl); their fleet entries leave with them. */
    @AfterAll
    static void deleteTheCacheEntries() {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            TestKeys.deleteAll(connection.sync(), PREFIX);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aTextTranslatedThroughOneReplicaIsASharedCacheHitOnAnother() {
        String request = "{\"text\":\"Shared by every replica " + UUID.randomUUID() + ".\","
                + "\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}";
        Map<String, Double> before = MetricsScrape.of(CLUSTER.replica(2));
        String onA = CLUSTER.replica(1).postJson("/api/v1/translate", request).expect(200).json()
                .getString("translated_text");
        String onB = CLUSTER.replica(2).postJson("/api/v1/translate", request).expect(200).json()
                .getString("translated_text");
        Map<String, Double> after = MetricsScrape.of(CLUSTER.replica(2));
        assertEquals(onA, onB);
        MetricsScrape.assertDelta(before, after, 1, "sema_translation_cache_hits_total", "level", "shared");
        MetricsScrape.assertDelta(before, after, 0, "sema_translation_cache_misses_total");
    }

    @Test
    void anAdminReloadOnOneReplicaReloadsAllThreeWithoutAFailedRequest() throws Exception {
        ClusterIT.awaitTrue(Duration.ofSeconds(60), "replica 1 to list all three", () -> fleet(1).getJsonArray("replicas")
                .size() == 3);
        List<String> loadedBefore = new ArrayList<>();
        for (int i = 1; i <= CLUSTER.size(); i++) {
            loadedBefore.add(translation(i).getString("loaded_at"));
        }
        ClientLoad load = ClientLoad.start(CLUSTER.balancer(), 4, 25);
        try (load) {
            load.awaitServed(40, Duration.ofSeconds(60));
            JsonObject reload = CLUSTER.replica(1).post("/api/v1/admin/models/reload?wait=true",
                    "{\"model\":\"translation\"}", ADMIN).expect(200).json();
            assertEquals("sent", reload.getString("fleet"), reload.toString());
            assertEquals(2, reload.getInt("replicas_notified"), reload.toString());
            for (int i = 1; i <= CLUSTER.size(); i++) {
                int replica = i;
                ClusterIT.awaitTrue(Duration.ofSeconds(120), "replica " + i + " to serve the reloaded model", () -> {
                    JsonObject model = translation(replica);
                    return model.getString("state").equals("READY") && !model.containsKey("detail")
                            && !model.getString("loaded_at").equals(loadedBefore.get(replica - 1));
                });
            }
            load.awaitServed(40, Duration.ofSeconds(60));
        }
        System.out.printf("fleet reload of %d replicas: %d requests served, %d failed%n", CLUSTER.size(),
                load.served(), load.failures().size());
        assertEquals(List.of(), load.failures(), "what clients saw during the fleet reload");
        JsonObject view = fleet(3);
        assertEquals("shared", view.getString("fleet"));
        assertEquals(1, view.getJsonArray("replicas").stream().map(r -> r.asJsonObject().getJsonArray("models")
                .getJsonObject(0).getString("content_id")).distinct().count(), "one model on all: " + view);
    }

    /**
     * Prometheus scrapes every replica; under closed-loop load through the balancer (24 clients, 8 per replica
     * against 2 slots) the fleet's summed queue rises, and returns to 0 once the load stops; the fleet p95 of the
     * load's translations, from the replicas' summed buckets, agrees with the p95 of the times the server reported
     * to the client (X-Response-Time) to within the bucket where it falls, allowing ±2 % of rank for increase()'s
     * extrapolation to the window's edges (each replica's own scrape times), and is never above the bucket of the
     * client's own p97, since the server's clock runs inside the client's; and Prometheus accepts every query of the
     * rules, the dashboard and the autoscaler's adapter.
     */
    @Test
    void prometheusSeesEveryReplicaTheQueueAndTheFleetsP95() throws Exception {
        try (Prometheus prometheus = Prometheus.start(CLUSTER.targets().resolveSibling("prometheus"),
                CLUSTER.targets())) {
            Set<String> replicas = new TreeSet<>();
            for (int i = 1; i <= CLUSTER.size(); i++) {
                replicas.add(CLUSTER.replica(i).uri("/").getAuthority());
            }
            ClusterIT.awaitTrue(Duration.ofSeconds(60), "up == 1 for all three replicas", () -> replicas.equals(
                    instances(prometheus.vector("up{job=\"sema\"} == 1"))));

            for (int i = 1; i <= CLUSTER.size(); i++) { // the series exist on every replica before the window opens
                CLUSTER.replica(i).postJson("/api/v1/translate", "{\"text\":\"warm-up " + UUID.randomUUID()
                        + "\",\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}").expect(200);
            }
            long windowStart = System.currentTimeMillis();
            awaitScrapedAfter(prometheus, windowStart);
            double before = prometheus.value("sum(" + TRANSLATE_BUCKETS.replace("}", ",le=\"+Inf\"}") + ")")
                    .orElseThrow();
            double deepest = 0;
            ClientLoad load = ClientLoad.start(CLUSTER.balancer(), 24, 1000);
            try (load) {
                long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while ((deepest == 0 || load.served() < 300) && System.nanoTime() < deadline) {
                    deepest = Math.max(deepest, prometheus.value("sum(sema_inference_queue_depth)").orElse(0));
                    Thread.sleep(250);
                }
            }
            long loadEnd = System.currentTimeMillis();
            assertEquals(List.of(), load.failures(), "what clients saw");
            assertTrue(load.served() >= 300, "clients were served " + load.served() + " requests in 180 s, not 300");
            assertTrue(deepest > 0, "no scrape in 180 s saw a request queued (2 slots a replica, 24 clients)");
            awaitScrapedAfter(prometheus, loadEnd);
            ClusterIT.awaitTrue(Duration.ofSeconds(30), "the summed queue to return to 0", () -> prometheus
                    .value("sum(sema_inference_queue_depth)").orElse(-1) == 0);

            List<ClientLoad.Answer> translations = load.answers().stream()
                    .filter(a -> a.route().endsWith("/translate")).toList();
            double after = prometheus.value("sum(" + TRANSLATE_BUCKETS.replace("}", ",le=\"+Inf\"}") + ")")
                    .orElseThrow();
            assertEquals(translations.size(), after - before, 0.0, "Prometheus counted every translation answered");
            String window = (System.currentTimeMillis() - windowStart) + "ms";
            double fleetP95 = prometheus.value("histogram_quantile(0.95, sum by (le) (increase(" + TRANSLATE_BUCKETS
                    + "[" + window + "])))").orElseThrow();
            List<Double> server = translations.stream().map(ClientLoad.Answer::serverSeconds).sorted().toList();
            List<Double> client = translations.stream().map(ClientLoad.Answer::clientSeconds).sorted().toList();
            System.out.printf("prometheus: %d translations, deepest summed queue %.0f, fleet p95 %s; server-reported "
                            + "p93/p95/p97 %s / %s / %s; client p95 %s, p97 %s%n", translations.size(), deepest,
                    FleetLatency.ms(fleetP95), FleetLatency.ms(FleetLatency.quantile(server, 0.93)),
                    FleetLatency.ms(FleetLatency.quantile(server, 0.95)),
                    FleetLatency.ms(FleetLatency.quantile(server, 0.97)),
                    FleetLatency.ms(FleetLatency.quantile(client, 0.95)),
                    FleetLatency.ms(FleetLatency.quantile(client, 0.97)));
            assertTrue(fleetP95 >= FleetLatency.lower(FleetLatency.quantile(server, 0.93))
                    && fleetP95 <= FleetLatency.upper(FleetLatency.quantile(server, 0.97)), "fleet p95 " + fleetP95
                    + " s outside the buckets of the server-reported p93-p97");
            assertTrue(fleetP95 <= FleetLatency.upper(FleetLatency.quantile(client, 0.97)), "fleet p95 " + fleetP95
                    + " s above the bucket of what the client measured");

            assertTrue(prometheus.value("sema:request_duration_seconds:p95_5m").isPresent(), "recording rule");
            assertEquals(2, prometheus.ruleGroups().size(), prometheus.ruleGroups().toString());
            prometheus.ruleGroups().forEach(group -> group.asJsonObject().getJsonArray("rules").forEach(rule ->
                    assertEquals("ok", rule.asJsonObject().getString("health"), rule.toString())));
            DeployedQueries.all().forEach((where, query) -> {
                JsonObject answer = prometheus.query(query);
                assertEquals("success", answer.getString("status"), where + ": " + query + " → " + answer);
            });
        }
    }

    /** Waits until Prometheus holds a sample of every replica scraped after {@code epochMillis}. */
    private static void awaitScrapedAfter(Prometheus prometheus, long epochMillis) throws InterruptedException {
        ClusterIT.awaitTrue(Duration.ofSeconds(30), "a scrape of every replica after " + epochMillis, () -> {
            JsonArray scraped = prometheus.vector("timestamp(sema_inference_queue_depth) * 1000 > " + epochMillis);
            return scraped.size() == CLUSTER.size();
        });
    }

    private static Set<String> instances(JsonArray vector) {
        return vector.stream().map(s -> s.asJsonObject().getJsonObject("metric").getString("instance"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonObject fleet(int replica) {
        return CLUSTER.replica(replica).get("/api/v1/admin/models", ADMIN).expect(200).json();
    }

    /** Replica {@code i}'s translation slot, as it reports it itself. */
    private static JsonObject translation(int replica) {
        return fleet(replica).getJsonArray("models").getJsonObject(0);
    }
}
