package it.dev.sema.stream;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code include_scores} on {@code /translate}, {@code /translate/batch} and {@code /translate/stream}, on the server
 * with the random-weight nllb-tiny (semaGlossaryIT), whose sentences score well below 0: one score per sentence, 0
 * for a part copied unchanged, the same numbers on every route (the later ones come from the translation cache, which
 * keeps each sentence's score), and no trace of scores when they were not asked for.
 */
class ScoresIT {

    private static final Duration READ = Duration.ofSeconds(120);
    private static final Http server = Http.on("http.port.glossary").awaitReady(Duration.ofSeconds(120));
    /** Keeps this run's texts new to the translation cache. */
    private static final int RUN = new Random().nextInt(1_000_000);
    private static final String TEXT = "Good morning " + RUN + ". 42\n\nHow are you today?";
    /** What differs between two answers to the same request. */
    private static final Set<String> PER_REQUEST = Set.of("inference_time", "total_time", "timestamp", "request_id");

    private static JsonObjectBuilder body(Boolean scores) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("target_language", "fra_Latn")
                .add("source_language", "eng_Latn");
        return scores == null ? body : body.add("include_scores", scores);
    }

    @Test
    void translateGivesOneScorePerSentenceAndNothingElseChanges() {
        JsonObject scored = server.postJson("/api/v1/translate", body(true).add("text", TEXT).build().toString())
                .expect(200).json();
        List<Double> scores = numbers(scored.getJsonArray("scores"));
        assertEquals(3, scores.size(), "two sentences and the number between them: " + scores);
        assertTrue(scores.get(0) < 0 && scores.get(2) < 0, "random weights are never sure: " + scores);
        assertEquals(0.0, scores.get(1), "the number is copied, not generated");

        for (Boolean off : new Boolean[]{null, false}) {
            JsonObject plain = server.postJson("/api/v1/translate", body(off).add("text", TEXT).build().toString())
                    .expect(200).json();
            assertFalse(plain.containsKey("scores"), plain.toString());
            assertEquals(withoutPerRequest(scored, "scores"), withoutPerRequest(plain), "include_scores " + off);
            assertEquals(List.copyOf(scored.keySet()).stream().filter(k -> !k.equals("scores")).toList(),
                    List.copyOf(plain.keySet()), "the same fields in the same order");
        }
    }

    @Test
    void batchAndStreamGiveTheSameScoresAsTranslate() throws IOException {
        String other = "The train leaves at noon " + RUN + ".";
        List<Double> expected = numbers(server.postJson("/api/v1/translate",
                body(true).add("text", TEXT).build().toString()).expect(200).json().getJsonArray("scores"));
        JsonArray batch = server.postJson("/api/v1/translate/batch", body(true)
                        .add("texts", Json.createArrayBuilder().add(TEXT).add(other)).build().toString())
                .expect(200).json().getJsonArray("translations");
        assertEquals(expected, numbers(batch.getJsonObject(0).getJsonArray("scores")), "from the cache, exactly");
        assertEquals(1, batch.getJsonObject(1).getJsonArray("scores").size());
        JsonArray unscored = server.postJson("/api/v1/translate/batch", body(null)
                .add("texts", Json.createArrayBuilder().add(TEXT)).build().toString())
                .expect(200).json().getJsonArray("translations");
        assertFalse(unscored.getJsonObject(0).containsKey("scores"), unscored.toString());

        assertEquals(expected, streamedScores(body(true)));
        try (SseClient stream = SseClient.open(server, body(null).add("text", TEXT).build().toString(), Map.of(),
                READ)) {
            assertTrue(stream.readAll().stream().filter(e -> e.name().equals("segment"))
                    .noneMatch(e -> e.data().containsKey("score")), "no score unless asked for");
        }
    }

    @Test
    void scoresAreForPlainTextOnly() {
        server.postJson("/api/v1/translate", body(true).add("text", "<p>Hello.</p>").add("tag_handling", "html")
                .build().toString()).error(400, "invalid_value");
    }

    private static List<Double> streamedScores(JsonObjectBuilder body) throws IOException {
        try (SseClient stream = SseClient.open(server, body.add("text", TEXT).build().toString(), Map.of(), READ)) {
            List<SseClient.Event> events = stream.readAll();
            assertEquals("done", events.get(events.size() - 1).name(), events.toString());
            return events.stream().filter(e -> e.name().equals("segment"))
                    .map(e -> e.data().getJsonNumber("score").doubleValue()).toList();
        }
    }

    private static List<Double> numbers(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList();
    }

    private static JsonObject withoutPerRequest(JsonObject answer, String... more) {
        JsonObjectBuilder kept = Json.createObjectBuilder();
        answer.forEach((key, value) -> {
            if (!PER_REQUEST.contains(key) && !List.of(more).contains(key)) {
                kept.add(key, value);
            }
        });
        return kept.build();
    }
}
