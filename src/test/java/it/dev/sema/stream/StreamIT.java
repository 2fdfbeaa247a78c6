package it.dev.sema.stream;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /translate/stream} on semaIT (the echo model, which gives every sentence back, so each event's text is
 * known): the order and shape of the events, and the refusals that come before the first byte as ordinary JSON.
 */
class StreamIT {

    private static final Duration READ = Duration.ofSeconds(60);
    private static final Http server = Http.main();
    /** Keeps this run's texts new to the translation cache. */
    private static final int RUN = new Random().nextInt(1_000_000);

    @BeforeAll
    static void ready() {
        server.awaitReady(Duration.ofSeconds(120));
    }

    private static String body(String text, String source) {
        return Json.createObjectBuilder().add("text", text).add("target_language", "fra_Latn")
                .add("source_language", source == null ? "auto" : source).build().toString();
    }

    @Test
    void eventsComeInOrderWithTheirShapesAndRejoinToTheTranslation() throws IOException {
        String text = "Good morning " + RUN + ". The sun is up!\n\nHow are you today? 42";
        try (SseClient stream = SseClient.open(server, body(text, "eng_Latn"), Map.of("X-Request-ID", "stream-it-1"),
                READ)) {
            assertEquals(200, stream.status);
            assertTrue(stream.headers.get("content-type").startsWith("text/event-stream"), stream.headers.toString());
            assertEquals("stream-it-1", stream.headers.get("x-request-id"));
            List<SseClient.Event> events = stream.readAll();
            List<String> names = events.stream().map(SseClient.Event::name).filter(n -> !n.equals("ping")).toList();
            assertEquals(List.of("start", "segment", "segment", "segment", "segment", "done"), names);

            JsonObject start = events.get(0).data();
            assertEquals("stream-it-1", start.getString("request_id"));
            assertEquals("eng_Latn", start.getString("source_language"));
            assertFalse(start.containsKey("source_language_confidence"), "given, not detected");
            assertEquals("fra_Latn", start.getString("target_language"));
            assertEquals(4, start.getInt("segments"));

            List<SseClient.Event> segments = events.stream().filter(e -> e.name().equals("segment")).toList();
            List<String> expected = List.of("Good morning " + RUN + ".", "The sun is up!", "How are you today?", "42");
            int[] codePoints = text.codePoints().toArray();
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < segments.size(); i++) {
                SseClient.Event e = segments.get(i);
                assertEquals(Integer.toString(i), e.id(), "the event id is the index");
                assertEquals(i, e.data().getInt("index"));
                assertEquals(expected.get(i), e.data().getString("text"), "the echo model gives the sentence back");
                int from = e.data().getInt("source_start");
                int to = e.data().getInt("source_end");
                assertEquals(expected.get(i), new String(codePoints, from, to - from), "its span in the source");
                joined.append(e.data().getString("text")).append(e.data().getString("separator"));
            }
            assertEquals(text, joined.toString());
            assertEquals(server.postJson("/api/v1/translate", body(text, "eng_Latn")).expect(200).json()
                    .getString("translated_text"), joined.toString(), "the same as /translate's answer");

            JsonObject done = events.get(events.size() - 1).data();
            assertEquals(4, done.getInt("segments"));
            assertEquals(text.codePointCount(0, text.length()), done.getInt("character_count"));
            assertTrue(done.getJsonNumber("first_segment_time").doubleValue()
                    <= done.getJsonNumber("total_time").doubleValue(), done.toString());
            assertNull(stream.next(), "the stream closes after done");
        }
    }

    @Test
    void aDetectedSourceIsReportedWithItsConfidence() throws IOException {
        String text = "Le chat dort sur le canapé depuis ce matin. Il fait très beau aujourd'hui.";
        try (SseClient stream = SseClient.open(server, body(text, null), Map.of(), READ)) {
            List<SseClient.Event> events = stream.readAll();
            JsonObject start = events.get(0).data();
            assertEquals("start", events.get(0).name());
            assertEquals("fra_Latn", start.getString("source_language"));
            assertTrue(start.getJsonNumber("source_language_confidence").doubleValue() > 0.5, start.toString());
            assertEquals("done", events.get(events.size() - 1).name());
        }
        // the pre-matching prefix filter routes /translate/stream like every other route
        assertEquals(200, server.post("/translate/stream", body(text, "fra_Latn"),
                Map.of("Content-Type", "application/json", "Accept", "text/event-stream")).status());
    }

    @Test
    void refusalsBeforeTheFirstByteAreOrdinaryJsonErrors() throws IOException {
        assertJsonError(body("   ", "eng_Latn"), 400, "empty_text");
        assertJsonError(body("Hello.", "xxx_Xxxx"), 400, "unsupported_language");
        assertJsonError("{\"text\":\"Hello.\",\"target_language\":\"fra_Latn\",\"source_language\":\"eng_Latn\","
                + "\"alternatives\":2}", 400, "invalid_value");
        assertJsonError("{\"text\":", 400, "malformed_json");
        assertJsonError("{\"text\":\"Hello.\"}", 400, "missing_field");
        assertJsonError(body("x".repeat(5001), "eng_Latn"), 413, "text_too_long");
    }

    private static void assertJsonError(String json, int status, String code) throws IOException {
        try (SseClient stream = SseClient.open(server, json, Map.of(), READ)) {
            String body = stream.rest();
            assertEquals(status, stream.status, body);
            assertTrue(stream.headers.get("content-type").startsWith("application/json"), stream.headers.toString());
            JsonObject error = Json.createReader(new StringReader(body)).readObject();
            assertEquals(code, error.getString("error"), body);
            assertTrue(error.containsKey("request_id"), body);
        }
    }
}
