package it.dev.sema.cluster;

import dev.sema.fleet.TestKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import it.dev.sema.MetricsScrape;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three replicas behind HAProxy sharing the machine's Redis (under a prefix of this class's own): the translation
 * cache's shared level and fleet-wide reloads, seen from outside through each replica's metrics and admin API.
 */
class FleetClusterIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization",
            "Bearer " + System.getProperty("admin.token"), "Content-Type", "application/json");

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String PREFIX = "sema-it-" + UUID.randomUUID() + ":";

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(3).with("SEMA_REDIS_URL", REDIS).with("SEMA_REDIS_PREFIX", PREFIX)
            .with("SEMA_FLEET_HEARTBEAT_S", "1");

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

    private static JsonObject fleet(int replica) {
        return CLUSTER.replica(replica).get("/api/v1/admin/models", ADMIN).expect(200).json();
    }

    /** Replica {@code i}'s translation slot, as it reports it itself. */
    private static JsonObject translation(int replica) {
        return fleet(replica).getJsonArray("models").getJsonObject(0);
    }
}
