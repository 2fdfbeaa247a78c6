package dev.sema.observability;

import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs SemaMetrics against SmallRye Metrics 5.1 (the implementation behind Liberty's mpMetrics-5.1) and reads
 * the Prometheus text, so the exposed names are checked, not assumed.
 */
class SemaMetricsTest {

    private static MetricRegistry registry;

    @BeforeAll
    static void start() {
        registry = ExportedMetrics.registry();
    }

    @AfterAll
    static void stop() {
        SharedMetricRegistries.dropAll();
    }

    @Test
    void exposedNamesAreTheDocumentedOnes() {
        SemaMetrics metrics = new SemaMetrics(registry);
        double charactersBefore = characters(ExportedMetrics.scrape()); // other tests in this JVM translate too
        ExportedMetrics.recordOneOfEach(metrics);
        String text = ExportedMetrics.scrape();

        assertSeries(text, "sema_requests_total", "endpoint=\"/api/v1/translate\"", "method=\"POST\"",
                "status=\"200\"");
        assertSeries(text, "sema_request_duration_seconds_count", "endpoint=\"/api/v1/translate\"");
        assertSeries(text, "sema_request_duration_seconds_sum", "endpoint=\"/api/v1/translate\"");
        assertSeries(text, "sema_translations_total", "source_lang=\"swh_Latn\"", "target_lang=\"eng_Latn\"");
        assertSeries(text, "sema_characters_translated_total");
        assertSeries(text, "sema_translation_duration_seconds_count", "source_lang=\"swh_Latn\"");
        assertSeries(text, "sema_language_detections_total", "detected_lang=\"swh_Latn\"");
        assertSeries(text, "sema_detection_duration_seconds_count");
        assertSeries(text, "sema_errors_total", "error_type=\"rate_limited\"", "endpoint=\"/translate\"");
        assertSeries(text, "sema_model_load_time_seconds_sum", "model=\"nllb\"");
        assertSeries(text, "sema_memory_usage_bytes");
        assertSeries(text, "sema_inference_queue_depth");
        assertSeries(text, "sema_rate_limit_clients");
        assertTrue(text.contains("sema_shared_store_up{mp_scope=\"application\",} 1.0"), text);
        assertTrue(text.contains("sema_models_ready{mp_scope=\"application\",} 1.0"), text);
        assertSeries(text, "sema_rate_limited_total");
        assertSeries(text, "sema_translation_cache_hits_total", "level=\"memory\"");
        assertSeries(text, "sema_translation_cache_hits_total", "level=\"shared\"");
        assertSeries(text, "sema_translation_cache_misses_total");
        assertSeries(text, "sema_inference_cancelled_total", "reason=\"timeout\"");
        assertSeries(text, "sema_inference_cancelled_total", "reason=\"other\"");
        assertEquals(17.0, characters(text) - charactersBefore, text);
        assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
                "30.0", "60.0", "+Inf"), bounds(text, "sema_request_duration_seconds", "endpoint=\"/api/v1/translate\""));
        assertEquals(bounds(text, "sema_request_duration_seconds", "endpoint=\"/api/v1/translate\""),
                bounds(text, "sema_translation_duration_seconds", "source_lang=\"swh_Latn\""));
        assertEquals(List.of("0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "1.0", "+Inf"),
                bounds(text, "sema_detection_duration_seconds", ""));
        assertEquals(List.of("1.0", "2.0", "5.0", "10.0", "20.0", "50.0", "100.0", "+Inf"),
                bounds(text, "sema_translation_batch_texts", ""));
        // the 250 ms request is counted from the 0.25 bucket on; the batch of three from the 5 bucket on
        assertTrue(text.contains("sema_request_duration_seconds_bucket{endpoint=\"/api/v1/translate\",method=\"POST\","
                + "mp_scope=\"application\",le=\"0.1\",} 0.0"), text);
        assertTrue(text.contains("sema_request_duration_seconds_bucket{endpoint=\"/api/v1/translate\",method=\"POST\","
                + "mp_scope=\"application\",le=\"0.25\",} 1.0"), text);
        String batch = "sema_translation_batch_texts_bucket{mp_scope=\"application\",le=";
        assertTrue(text.contains(batch + "\"2.0\",} 0.0") && text.contains(batch + "\"5.0\",} 1.0"), text);
        assertSeries(text, "sema_translation_batch_texts_sum");
        for (String histogram : List.of("sema_request_duration_seconds", "sema_translation_duration_seconds",
                "sema_detection_duration_seconds", "sema_translation_batch_texts")) {
            assertTrue(text.contains("# TYPE " + histogram + " histogram"), histogram + " is no histogram:\n" + text);
            assertFalse(text.lines().anyMatch(l -> l.startsWith(histogram + "{") && l.contains("quantile=")),
                    histogram + " still has per-replica quantiles:\n" + text);
        }
        assertTrue(text.contains("sema_model_load_time_seconds_sum{model=\"nllb\",mp_scope=\"application\",} 2.0"),
                text);
    }

    @Test
    void languageLabelsAreBounded() {
        SemaMetrics metrics = new SemaMetrics(registry);
        assertEquals("other", metrics.languageLabel("'; DROP"));
        assertEquals("other", metrics.languageLabel(null));
        assertEquals("swh_Latn", metrics.languageLabel("swh_Latn"));
        for (int i = 0; i < SemaMetrics.MAX_LANGUAGE_LABELS + 50; i++) {
            metrics.languageLabel(code(i));
        }
        assertEquals("other", metrics.languageLabel("zzz_Zzzz"));
        assertEquals("swh_Latn", metrics.languageLabel("swh_Latn"), "codes seen before keep their label");
    }

    private static double characters(String scrape) {
        String prefix = "sema_characters_translated_total{mp_scope=\"application\",} ";
        return scrape.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()))).findFirst().orElse(0);
    }

    /** The {@code le} bounds of {@code histogram}'s first bucket series whose line contains {@code label}, in order. */
    private static List<String> bounds(String scrape, String histogram, String label) {
        List<String> lines = scrape.lines().filter(l -> l.startsWith(histogram + "_bucket{") && l.contains(label))
                .toList();
        String first = lines.get(0).substring(0, lines.get(0).indexOf("le=\""));
        return lines.stream().filter(l -> l.startsWith(first)).map(l -> l.substring(first.length() + 4,
                l.indexOf('"', first.length() + 4))).toList();
    }

    private static String code(int i) {
        char a = (char) ('a' + i % 26);
        char b = (char) ('a' + (i / 26) % 26);
        return "q" + a + b + "_Test";
    }

    private static void assertSeries(String text, String name, String... labels) {
        boolean found = text.lines().anyMatch(line -> {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                return false;
            }
            for (String label : labels) {
                if (!line.contains(label)) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(found, "no series " + name + " with " + String.join(",", labels) + " in:\n" + text);
    }
}
