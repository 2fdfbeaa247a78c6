package it.dev.sema.api;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation and not-loaded paths of /translate and /translate/batch under both prefixes. */
class TranslateEndpointIT {

    private final Http http = Http.main();
    private final Http bare = Http.bare();

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void rejectsBadText(String prefix) {
        String path = prefix + "/translate";
        assertEquals("text", http.postJson(path, "{\"text\":\"\",\"target_language\":\"eng_Latn\"}")
                .error(400, "empty_text").getJsonArray("errors").getJsonObject(0).getString("field"));
        http.postJson(path, "{\"text\":\" \\n\\t \",\"target_language\":\"eng_Latn\"}").error(400, "empty_text");
        http.postJson(path, "{\"target_language\":\"eng_Latn\"}").error(400, "missing_field");
        http.postJson(path, "{\"text\":\"hello\"}").error(400, "missing_field");
        http.postJson(path, "").error(400, "malformed_json");
        http.postJson(path, "null").error(400, "missing_body");
        http.postJson(path, "{\"text\": \"unterminated").error(400, "malformed_json");
        JsonObject wrongType = http.postJson(path, "{\"text\":\"hi\",\"target_language\":\"eng_Latn\",\"beam_size\":\"x\"}")
                .error(400, "malformed_json");
        assertEquals("beam_size", wrongType.getJsonArray("errors").getJsonObject(0).getString("field"), wrongType.toString());
        http.postJson(path, "{\"text\":[\"a\"],\"target_language\":\"eng_Latn\"}").error(400, "malformed_json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void rejectsUnknownLanguagesWithSuggestions(String prefix) {
        JsonObject target = http.postJson(prefix + "/translate", "{\"text\":\"hi\",\"target_language\":\"swa_Latn\"}")
                .error(400, "unsupported_language");
        assertEquals("swh_Latn", target.getJsonArray("suggestions").getString(0));
        assertEquals("target_language", target.getJsonArray("errors").getJsonObject(0).getString("field"));
        JsonObject source = http.postJson(prefix + "/translate",
                "{\"text\":\"hi\",\"target_language\":\"fr\",\"source_language\":\"klingon\"}").error(400, "unsupported_language");
        assertEquals("source_language", source.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void rejectsBadOptions(String prefix) {
        http.postJson(prefix + "/translate", "{\"text\":\"hi\",\"target_language\":\"fr\",\"beam_size\":9}")
                .error(400, "invalid_value");
        http.postJson(prefix + "/translate", "{\"text\":\"hi\",\"target_language\":\"fr\",\"beam_size\":2,\"alternatives\":3}")
                .error(400, "invalid_value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void limitsCountCodePoints(String prefix) {
        JsonObject tooLong = http.postJson(prefix + "/translate", body("a".repeat(5001))).error(413, "text_too_long");
        assertEquals(5000, tooLong.getInt("max_characters"));
        // 5000 emoji are 10000 UTF-16 chars but 5000 code points: within the limit, so the bare server gets as
        // far as the missing model.
        bare.postJson(prefix + "/translate", body("😀".repeat(5000))).error(503, "model_not_loaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void answers503WithRetryAfterWithoutModel(String prefix) {
        Http.Reply explicit = bare.postJson(prefix + "/translate",
                "{\"text\":\"Habari\",\"source_language\":\"sw\",\"target_language\":\"eng_Latn\"}");
        explicit.error(503, "model_not_loaded");
        assertNotNull(explicit.header("Retry-After"), "Retry-After");
        bare.postJson(prefix + "/translate", "{\"text\":\"Habari\",\"target_language\":\"eng_Latn\"}")
                .error(503, "model_not_loaded");
        bare.postJson(prefix + "/translate", "{\"text\":\"Habari\",\"source_language\":\"auto\",\"target_language\":\"en\"}")
                .error(503, "model_not_loaded");
        bare.postJson(prefix + "/translate/batch", "{\"texts\":[\"Habari\"],\"target_language\":\"eng_Latn\"}")
                .error(503, "model_not_loaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void validatesBatches(String prefix) {
        String path = prefix + "/translate/batch";
        http.postJson(path, "{\"texts\":[],\"target_language\":\"eng_Latn\"}").error(400, "empty_batch");
        http.postJson(path, "{\"target_language\":\"eng_Latn\"}").error(400, "missing_field");
        String many = "[" + String.join(",", Collections.nCopies(101, "\"a\"")) + "]";
        http.postJson(path, "{\"texts\":" + many + ",\"target_language\":\"eng_Latn\"}").error(413, "batch_too_large");
        String big = "\"" + "a".repeat(3000) + "\"";
        http.postJson(path, "{\"texts\":[" + big + "," + big + "],\"target_language\":\"eng_Latn\"}")
                .error(413, "text_too_long");
        JsonObject blank = http.postJson(path, "{\"texts\":[\"ok\",\"  \"],\"target_language\":\"eng_Latn\"}")
                .error(400, "empty_text");
        assertEquals("texts[1]", blank.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void wrongMethodAndMediaType(String prefix) {
        Http.Reply get = http.get(prefix + "/translate");
        get.error(405, "method_not_allowed");
        assertTrue(get.header("Allow") == null || get.header("Allow").contains("POST"), get.header("Allow"));
        http.post(prefix + "/translate", "text=hello", Map.of("Content-Type", "text/plain"))
                .error(415, "unsupported_media_type");
    }

    private static String body(String text) {
        return "{\"text\":\"" + text + "\",\"target_language\":\"eng_Latn\",\"source_language\":\"fra_Latn\"}";
    }
}
