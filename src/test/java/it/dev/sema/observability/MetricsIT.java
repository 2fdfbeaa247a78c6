package it.dev.sema.observability;

import it.dev.sema.Http;
import it.dev.sema.MetricsScrape;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static it.dev.sema.MetricsScrape.assertDelta;
import static it.dev.sema.MetricsScrape.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code /metrics} after a scripted mix of requests shows exactly the expected increments, labelled by route
 * template and error code. Reads deltas, so other ITs' traffic before this one does not matter (failsafe runs IT
 * classes one after another).
 */
class MetricsIT {

    private final Http http = Http.main();
    private final Http bare = Http.bare();

    @Test
    void requestAndErrorCountersMoveByExactlyTheScriptedAmounts() {
        Map<String, Double> before = MetricsScrape.of(http);
        String unknown = "qq" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "q") + "_Zzzz";
        http.get("/api/v1/languages/eng_Latn").expect(200);
        http.get("/languages/fra_Latn").expect(200);
        http.get("/languages/" + unknown).error(404, "unknown_language");
        http.get("/api/v1/languages/stats").expect(200);
        http.post("/translate", "{}", Map.of("Content-Type", "text/plain")).error(415, "unsupported_media_type");
        http.postJson("/api/v1/detect-language", "{\"text\":\"   \"}").error(400, "empty_text");
        http.postJson("/detect-language", "{\"text\":").error(400, "malformed_json");
        http.get("/no/such/" + unknown).error(404, "not_found");
        Map<String, Double> after = MetricsScrape.of(http);

        assertDelta(before, after, 2, "sema_requests_total", "method", "GET", "endpoint", "/api/v1/languages/{code}",
                "status", "200");
        assertDelta(before, after, 1, "sema_requests_total", "method", "GET", "endpoint", "/api/v1/languages/{code}",
                "status", "404");
        assertDelta(before, after, 1, "sema_requests_total", "method", "GET", "endpoint", "/api/v1/languages/stats",
                "status", "200");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "unknown_language",
                "endpoint", "/api/v1/languages/{code}");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "unsupported_media_type",
                "endpoint", "unmatched");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "empty_text",
                "endpoint", "/api/v1/detect-language");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "malformed_json",
                "endpoint", "/api/v1/detect-language");
        assertDelta(before, after, 2, "sema_requests_total", "method", "POST", "endpoint", "/api/v1/detect-language",
                "status", "400");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "not_found", "endpoint", "unmatched");
        assertDelta(before, after, 0, "sema_rate_limited_total");
        String text = http.get("/metrics").expect(200).body();
        assertFalse(text.contains(unknown), "an unknown code or raw path became a label value");
    }

    @Test
    void translationsDetectionsAndModelLoadsAreCounted() {
        http.awaitReady(java.time.Duration.ofSeconds(120));
        Map<String, Double> before = MetricsScrape.of(http);
        http.postJson("/api/v1/translate", "{\"text\":\"Hello there\",\"source_language\":\"eng_Latn\","
                + "\"target_language\":\"fra_Latn\"}").expect(200);
        http.postJson("/translate", "{\"text\":\"Good morning\",\"source_language\":\"en\","
                + "\"target_language\":\"French\"}").expect(200);
        http.postJson("/api/v1/translate", "{\"text\":\"x\",\"target_language\":\"zz_Unknown\"}")
                .error(400, "unsupported_language");
        http.postJson("/detect-language", "{\"text\":\"Ceci est une phrase en français, sans aucun doute.\"}")
                .expect(200);
        Map<String, Double> after = MetricsScrape.of(http);

        assertDelta(before, after, 2, "sema_translations_total", "source_lang", "eng_Latn", "target_lang", "fra_Latn");
        assertDelta(before, after, "Hello there".length() + "Good morning".length(),
                "sema_characters_translated_total");
        assertDelta(before, after, 1, "sema_language_detections_total", "detected_lang", "fra_Latn");
        assertEquals(1.0, after.getOrDefault(key("sema_model_load_time_seconds_count", "model", "translation"), 0.0),
                "one translation model load since start");
        assertEquals(1.0, after.getOrDefault(key("sema_model_load_time_seconds_count", "model",
                "language_identification"), 0.0), "one language-identification model load since start");
    }

    @Test
    void rateLimitedRequestsAreCountedOnceEach() {
        Map<String, Double> before = MetricsScrape.of(bare);
        // a client of its own: 127.0.0.1 is a trusted proxy on the bare server
        Map<String, String> client = Map.of("Content-Type", "application/json",
                "X-Forwarded-For", "2001:db8:feed::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff));
        for (int i = 0; i < 60; i++) {
            bare.post("/detect-language", "{\"text\":\"Habari\"}", client).error(503, "model_not_loaded");
        }
        bare.post("/detect-language", "{\"text\":\"Habari\"}", client).error(429, "rate_limited");
        bare.post("/api/v1/translate", "{\"text\":\"x\",\"target_language\":\"eng_Latn\"}", client)
                .error(429, "rate_limited");
        Map<String, Double> after = MetricsScrape.of(bare);
        assertDelta(before, after, 2, "sema_rate_limited_total");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "rate_limited",
                "endpoint", "/api/v1/detect-language");
        assertDelta(before, after, 1, "sema_errors_total", "error_type", "rate_limited",
                "endpoint", "/api/v1/translate");
        assertDelta(before, after, 60, "sema_errors_total", "error_type", "model_not_loaded",
                "endpoint", "/api/v1/detect-language");
        assertDelta(before, after, 60, "sema_requests_total", "method", "POST", "endpoint", "/api/v1/detect-language",
                "status", "503");
        assertDelta(before, after, 0, "sema_language_detections_total", "detected_lang", "swh_Latn");
    }
}
