package it.dev.sema.api;

import it.dev.sema.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Validation and not-loaded paths of /detect-language under both prefixes. */
class DetectLanguageEndpointIT {

    private final Http http = Http.main();
    private final Http bare = Http.bare();

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void validatesText(String prefix) {
        String path = prefix + "/detect-language";
        http.postJson(path, "{\"text\":\"\"}").error(400, "empty_text");
        http.postJson(path, "{\"text\":\"   \"}").error(400, "empty_text");
        http.postJson(path, "{}").error(400, "missing_field");
        http.postJson(path, "{\"text\":\"" + "a".repeat(1001) + "\"}").error(413, "text_too_long");
        http.postJson(path, "{\"text\":\"hello\",\"top_k\":0}").error(400, "invalid_value");
        http.postJson(path, "{\"text\":\"hello\",\"top_k\":11}").error(400, "invalid_value");
        http.postJson(path, "not json").error(400, "malformed_json");
        http.post(path, "hello", Map.of("Content-Type", "text/plain")).error(415, "unsupported_media_type");
        http.get(path).error(405, "method_not_allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void answers503WithoutModel(String prefix) {
        Http.Reply reply = bare.postJson(prefix + "/detect-language", "{\"text\":\"Habari ya asubuhi\"}");
        reply.error(503, "model_not_loaded");
        assertNotNull(reply.header("Retry-After"), "Retry-After");
    }
}
