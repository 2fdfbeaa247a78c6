package it.dev.sema.api;

import it.dev.sema.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /detect-language on semaIT, which serves lid.176. */
class DetectLanguageSuccessIT {

    private static final Http HTTP = Http.main();

    @BeforeAll
    static void modelsLoaded() {
        HTTP.awaitReady(Duration.ofSeconds(120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void detectsWithNamesConfidenceAndAlternatives(String prefix) {
        String text = "Bonjour tout le monde, comment allez-vous aujourd'hui ? Il fait très beau à Paris.";
        JsonObject body = HTTP.postJson(prefix + "/detect-language", "{\"text\":\"" + text + "\",\"top_k\":3}")
                .expect(200).json();
        assertEquals("fra_Latn", body.getString("detected_language"), body.toString());
        assertEquals("French", body.getString("language_name"));
        assertEquals("français", body.getString("native_name"));
        double confidence = body.getJsonNumber("confidence").doubleValue();
        assertTrue(confidence > 0.5 && confidence <= 1.0, body.toString());
        assertTrue(body.getBoolean("reliable"));
        assertFalse(body.getBoolean("is_english"));
        assertEquals(text.codePointCount(0, text.length()), body.getInt("character_count"));
        JsonArray alternatives = body.getJsonArray("alternatives");
        assertTrue(alternatives.size() >= 1 && alternatives.size() <= 3, body.toString());
        assertEquals("fra_Latn", alternatives.getJsonObject(0).getString("language"));

        JsonObject english = HTTP.postJson(prefix + "/detect-language",
                "{\"text\":\"This is a perfectly ordinary English sentence about the weather.\"}").expect(200).json();
        assertEquals("eng_Latn", english.getString("detected_language"));
        assertTrue(english.getBoolean("is_english"));
    }
}
