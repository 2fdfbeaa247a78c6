package it.dev.sema.guard;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Body size, media type, syntax and nesting limits on every POST endpoint (sema.max-body-bytes = 64 KiB). */
class RequestLimitsIT {

    private static final int MAX_BODY = 65536;
    private static final String[] POSTS = {"/translate", "/api/v1/translate/batch", "/api/v1/detect-language"};

    private final Http http = Http.main();

    @Test
    void declaredLengthOverTheLimitIs413BeforeRouting() {
        String body = "{\"text\":\"" + "a".repeat(MAX_BODY) + "\",\"target_language\":\"eng_Latn\"}";
        for (String path : POSTS) {
            JsonObject error = http.postJson(path, body).error(413, "payload_too_large");
            assertTrue(error.getString("detail").contains("65536"), error.toString());
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413WhileReading() throws Exception {
        byte[] body = ("{\"text\":\"" + "b".repeat(2 * MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : POSTS) {
            // ofInputStream has no known length, so the client sends Transfer-Encoding: chunked
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), path + " → " + response.body());
            assertEquals("payload_too_large", json(response.body()).getString("error"), path);
        }
    }

    @Test
    void bodyJustUnderTheLimitIsReadNormally() {
        String text = "c".repeat(MAX_BODY - 100);
        // passes the body limits, then meets the character limit (5000): proof that it was read and parsed
        http.postJson("/api/v1/translate", "{\"text\":\"" + text + "\",\"target_language\":\"eng_Latn\"}")
                .error(413, "text_too_long");
    }

    @Test
    void compressedBodiesAreLimitedByTheirInflatedSizeAndBadEncodingsAre400() throws Exception {
        byte[] bomb = gzip("{\"text\":\"" + "a".repeat(1_000_000) + "\"}"); // about 1 KB on the wire
        assertEquals("payload_too_large", sendGzip("/api/v1/translate", bomb, 413).getString("error"));
        byte[] notGzip = "{\"text\":\"Bonjour\",\"target_language\":\"eng_Latn\"}".getBytes(StandardCharsets.UTF_8);
        // Liberty's HTTP channel inflates request bodies itself; what it makes of a false gzip body varies
        String code = sendGzip("/translate", notGzip, 400).getString("error");
        assertTrue(code.equals("unreadable_body") || code.equals("malformed_json"), code);
    }

    @Test
    void unparsableMediaTypeHeadersAreJson400s() {
        http.post("/translate", "{}", Map.of("Content-Type", ";;;")).error(400, "malformed_header");
        http.post("/api/v1/detect-language", "{}", Map.of("Content-Type", "")).error(400, "malformed_header");
        http.get("/api/v1/languages", Map.of("Accept", "text/html, ;;;")).error(400, "malformed_header");
    }

    @Test
    void nonJsonMediaTypesAre415() {
        for (String path : POSTS) {
            for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
                http.post(path, "{\"text\":\"hello\"}", Map.of("Content-Type", type))
                        .error(415, "unsupported_media_type");
            }
        }
    }

    @Test
    void malformedJsonIs400() {
        for (String path : POSTS) {
            for (String body : new String[]{"{\"text\":", "{text: 'x'}", "[1,2", "\"unterminated", "{\"a\":1}}"}) {
                http.postJson(path, body).error(400, "malformed_json");
            }
        }
    }

    @Test
    void nestingDeeperThanTheLimitIs400WithoutParsingIt() {
        String deep = "[".repeat(60_000); // unclosed: a parser would fail (or overflow) only at the very end
        for (String path : POSTS) {
            JsonObject error = http.postJson(path, "{\"text\":" + deep).error(400, "malformed_json");
            assertTrue(error.getString("detail").toLowerCase().contains("nest"), error.toString());
            http.postJson(path, "{\"text\":" + "{\"a\":".repeat(33) + "1" + "}".repeat(34))
                    .error(400, "malformed_json");
        }
    }

    private JsonObject sendGzip(String path, byte[] body, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + " → " + response.body());
        return json(response.body());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String base() {
        return "http://localhost:" + Http.port("http.port");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
