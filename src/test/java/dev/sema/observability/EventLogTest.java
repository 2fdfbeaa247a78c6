package dev.sema.observability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventLogTest {

    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        EventLog.LOG.addHandler(capture);
    }

    @AfterEach
    void detach() {
        EventLog.LOG.removeHandler(capture);
    }

    @Test
    void translationEventIsJsonWithoutTextOrRawClientByDefault() {
        new EventLog(new ObservabilityConfig(false, true)).translationRequest("req-1", "ip:203.0.113.9", "swh_Latn", "eng_Latn", 17,
                Duration.ofMillis(120), Duration.ofMillis(150), "Habari ya asubuhi");
        JsonObject event = only();
        assertEquals("translation_request", event.getString("event"));
        assertEquals("req-1", event.getString("request_id"));
        assertEquals("swh_Latn", event.getString("source_language"));
        assertEquals("eng_Latn", event.getString("target_language"));
        assertEquals(17, event.getInt("character_count"));
        assertEquals(0.12, event.getJsonNumber("inference_time").doubleValue(), 1e-9);
        assertEquals(0.15, event.getJsonNumber("total_time").doubleValue(), 1e-9);
        assertFalse(event.containsKey("text"));
        assertTrue(event.getString("client").matches("[0-9a-f]{32}"), event.getString("client"));
        assertFalse(lines.get(0).contains("Habari"));
        assertFalse(lines.get(0).contains("203.0.113.9"));
    }

    @Test
    void textAndRawClientOnlyWhenConfigured() {
        new EventLog(new ObservabilityConfig(true, false)).detectionRequest("req-2", "ip:203.0.113.9", "swh_Latn", 0.98, 6,
                Duration.ofMillis(2), Duration.ofMillis(3), "Habari \"rafiki\"\n");
        JsonObject event = only();
        assertEquals("detection_request", event.getString("event"));
        assertEquals("Habari \"rafiki\"\n", event.getString("text"));
        assertEquals("ip:203.0.113.9", event.getString("client"));
    }

    @Test
    void modelAndRateLimitEvents() {
        EventLog log = new EventLog(new ObservabilityConfig(false, true));
        log.modelLoaded("nllb-200-distilled-600M", "/models/nllb", Duration.ofSeconds(3));
        log.rateLimited("key:abc", 5, 60, "minute");
        assertEquals(2, lines.size());
        JsonObject loaded = Json.createReader(new StringReader(lines.get(0))).readObject();
        assertEquals("model_loaded", loaded.getString("event"));
        assertEquals(3.0, loaded.getJsonNumber("load_time").doubleValue(), 1e-9);
        JsonObject limited = Json.createReader(new StringReader(lines.get(1))).readObject();
        assertEquals("rate_limited", limited.getString("event"));
        assertEquals(5, limited.getInt("requested"));
        assertEquals("minute", limited.getString("window"));
    }

    private JsonObject only() {
        assertEquals(1, lines.size(), lines.toString());
        return Json.createReader(new StringReader(lines.get(0))).readObject();
    }
}
