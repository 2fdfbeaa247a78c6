package it.dev.sema.accounts;

import it.dev.sema.Http;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys and key requests against the servers of the accounts ITs. */
public final class Keys {

    /** The admin token of every IT server that has one (pom.xml it.admin.token). */
    static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + System.getProperty("admin.token"),
            "Content-Type", "application/json");

    /** A created key: its id and its secret. */
    public record Key(String id, String secret) {

        public Map<String, String> headers() {
            return Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json");
        }
    }

    private Keys() {
    }

    /** Creates a key with the given JSON body through the admin API; asserts the 201. */
    public static Key create(Http server, String body) {
        JsonObject created = server.post("/api/v1/admin/keys", body, ADMIN).expect(201).json();
        return new Key(created.getString("id"), created.getString("key"));
    }

    /** {@code {"name": name}} plus the given limit fields, e.g. {@code "characters_per_day": 1000}. */
    public static String body(String name, String limits) {
        return "{\"name\":\"" + name + "\"" + (limits.isEmpty() ? "" : "," + limits) + "}";
    }

    public static String translation(String text) {
        return "{\"text\":\"" + text + "\",\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}";
    }

    /** The admin view of one key (settings and current usage). */
    public static JsonObject adminView(Http server, String id) {
        return server.get("/api/v1/admin/keys/" + id, ADMIN).expect(200).json();
    }

    /** Characters served with the key today, as the admin view reports them. */
    public static long charactersToday(Http server, String id) {
        return adminView(server, id).getJsonObject("usage").getJsonObject("day").getJsonNumber("character_count")
                .longValue();
    }

    /** Runs the calls all at once (as far as the pool allows) and returns their results in call order. */
    public static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = pool.invokeAll(calls, 120, TimeUnit.SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                assertTrue(f.isDone() && !f.isCancelled(), "a concurrent request did not finish within 120 s");
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A hundred characters of plain ASCII, distinct per index so the translation cache plays no part. */
    public static String hundredCharacters(int i) {
        String head = String.format("request %04d ", i);
        return head + "x".repeat(100 - head.length());
    }
}
