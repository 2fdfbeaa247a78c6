package it.dev.sema.translation;

import dev.sema.translation.MixedScriptText;
import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Translation through the whole server on the echo model (semaIT: {@code sema.model-dir} = nllb-echo, lid.176):
 * whatever goes in must come back unchanged, so any loss in segmentation, batching, tokenisation, JSON or
 * HTTP shows up as a difference.
 */
class TranslationIT {

    private static final Http HTTP = Http.main();

    @BeforeAll
    static void modelsLoaded() {
        HTTP.awaitReady(Duration.ofSeconds(120));
    }

    private static String request(String text, String source, String target) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("text", text).add("target_language", target);
        if (source != null) {
            body.add("source_language", source);
        }
        return body.build().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void theEchoModelGivesEveryTextBackByteForByte(String prefix) {
        for (String text : List.of("Hello world.", MixedScriptText.PARAGRAPHS.strip(), MixedScriptText.nearLimit(5000))) {
            JsonObject body = HTTP.postJson(prefix + "/translate", request(text, "eng_Latn", "fra_Latn"))
                    .expect(200).json();
            assertEquals(text, body.getString("translated_text"), "text of " + text.length() + " chars");
            assertEquals("eng_Latn", body.getString("source_language"));
            assertEquals("fra_Latn", body.getString("target_language"));
            assertEquals(text.codePointCount(0, text.length()), body.getInt("character_count"));
            assertTrue(body.getJsonNumber("inference_time").doubleValue() > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void aBatchOf100TextsComesBackInOrder(String prefix) {
        List<String> texts = new ArrayList<>();
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < 100; i++) {
            // Lengths vary so that the engine's length sorting reorders them internally.
            String text = "Sentence " + i + " " + "abc ".repeat(i % 7) + (i % 3 == 0 ? "生活 😀" : "end.");
            texts.add(text);
            array.add(text);
        }
        String body = Json.createObjectBuilder().add("texts", array).add("source_language", "eng_Latn")
                .add("target_language", "deu_Latn").build().toString();
        JsonArray translations = HTTP.postJson(prefix + "/translate/batch", body).expect(200).jsonArray("translations");
        assertEquals(100, translations.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(texts.get(i), translations.getJsonObject(i).getString("translated_text"), "text " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void withoutASourceLanguageTheDetectorChoosesIt(String prefix) {
        String french = "Bonjour tout le monde, comment allez-vous aujourd'hui ?";
        for (String source : new String[]{null, "auto"}) {
            JsonObject body = HTTP.postJson(prefix + "/translate", request(french, source, "eng_Latn"))
                    .expect(200).json();
            assertEquals(french, body.getString("translated_text"));
            assertEquals("fra_Latn", body.getString("source_language"));
            double confidence = body.getJsonNumber("source_language_confidence").doubleValue();
            assertTrue(confidence > 0.5 && confidence <= 1.0, body.toString());
        }
        JsonObject given = HTTP.postJson(prefix + "/translate", request(french, "fra_Latn", "eng_Latn"))
                .expect(200).json();
        assertFalse(given.containsKey("source_language_confidence") && !given.isNull("source_language_confidence"),
                "no confidence when the client named the source: " + given);
    }

    @Test
    void beamSearchAndAlternativesRunOnTheServer() {
        String text = "The quick brown fox jumps over the lazy dog.";
        JsonObject body = HTTP.postJson("/api/v1/translate", Json.createObjectBuilder().add("text", text)
                .add("source_language", "eng_Latn").add("target_language", "fra_Latn").add("beam_size", 3)
                .add("alternatives", 2).build().toString()).expect(200).json();
        assertEquals(text, body.getString("translated_text"));
        JsonArray alternatives = body.getJsonArray("alternatives");
        assertTrue(alternatives.size() <= 2, body.toString());
        alternatives.getValuesAs(jakarta.json.JsonString.class)
                .forEach(a -> assertFalse(a.getString().equals(text), "alternatives differ from the best"));
    }
}
