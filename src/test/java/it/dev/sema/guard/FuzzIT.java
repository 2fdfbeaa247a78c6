package it.dev.sema.guard;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 3,000 generated request bodies (seeded, so a failure replays) against every POST endpoint under both prefixes
 * of the bare server (no inference cost: whatever passes validation ends in 503): never a 500, never a hang,
 * every error in the one JSON shape, and the server healthy afterwards. Each request has its own API key, so
 * the quota does not hide the validation paths.
 */
class FuzzIT {

    private static final long SEED = Long.getLong("sema.fuzz.seed", 20_261_126L);
    private static final int REQUESTS = Integer.getInteger("sema.fuzz.requests", 3000);
    private static final String[] PATHS = {"/translate", "/api/v1/translate", "/translate/batch",
            "/api/v1/translate/batch", "/detect-language", "/api/v1/detect-language"};
    private static final String[] FIELDS = {"text", "texts", "target_language", "source_language", "beam_size",
            "alternatives", "top_k"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
            "application/json;charset=ISO-8859-1", "application/json; charset=utf-16", "application/problem+json",
            "APPLICATION/JSON", "text/plain", "application/xml", "multipart/form-data; boundary=x", "*/*", "",
            "application/json; charset=\"", ";;;", null};

    // HTTP/1.1: with the default h2c upgrade, Liberty ends the shared HTTP/2 connection (GOAWAY) now and then,
    // which fails whichever request is in flight for a reason that has nothing to do with its body
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base = "http://localhost:" + Http.port("http.port.bare");

    @Test
    void generatedBodiesNeverCauseA500OrAHang() throws Exception {
        Random random = new Random(SEED);
        List<Function<Random, byte[]>> generators = List.of(FuzzIT::wrongTypes, FuzzIT::hugeString,
                FuzzIT::invalidUtf8, FuzzIT::deepNesting, FuzzIT::randomBytes, FuzzIT::almostValid);
        long start = System.nanoTime();
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] body = generators.get(random.nextInt(generators.size())).apply(random);
            String path = PATHS[random.nextInt(PATHS.length)];
            HttpResponse<String> response = send(random, i, path, body);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String what = "request " + i + " (seed " + SEED + ") " + path + " " + preview(body);
            assertTrue(response.statusCode() != 500 && response.statusCode() < 600, what + " → "
                    + response.statusCode() + " " + response.body());
            if (response.statusCode() >= 400) {
                assertErrorShape(what + " [" + response.request().headers().map() + "] → " + response.statusCode()
                        + " " + response.body(), response);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("FuzzIT: %d requests in %.1f s, statuses %s%n", REQUESTS, seconds, statuses);
        assertTrue(statuses.size() >= 4, "the generator reaches several validation paths: " + statuses);
        HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(base + "/health/live"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
        new Http.Reply("after fuzzing", send(random, -1, "/api/v1/translate",
                "{\"text\":\"Habari\",\"target_language\":\"eng_Latn\"}".getBytes(StandardCharsets.UTF_8)))
                .error(503, "model_not_loaded");
    }

    private HttpResponse<String> send(Random random, int i, String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        String type = i < 0 ? "application/json" : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (i >= 0 && random.nextInt(10) == 0) {
            request.header("X-Forwarded-For", "not an address, " + random.nextInt());
            request.header("Accept", random.nextBoolean() ? "text/html" : "application/json;q=0.1, */*");
            request.header("X-Request-ID", "x".repeat(random.nextInt(300)));
        }
        // Each request a client of its own (127.0.0.1 is a trusted proxy on the bare server), so the fuzzer is never
        // rate limited: the right-most X-Forwarded-For entry, after any junk one above, names the client.
        request.header("X-Forwarded-For", "10." + ((i >>> 16) & 0xff) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff));
        boolean chunked = i >= 0 && random.nextInt(4) == 0;
        request.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            fail("request " + i + " to " + path + " hung for 10 s: " + preview(body));
            throw e;
        } catch (IOException e) {
            throw new IOException("request " + i + " to " + path + ": " + preview(body), e);
        }
    }

    private static void assertErrorShape(String what, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), what + " content type " + type);
        JsonObject error;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            error = reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError(what + " body is not a JSON object: " + response.body(), e);
        }
        assertTrue(error.get("error") instanceof jakarta.json.JsonString, what + " " + error);
        assertTrue(error.get("detail") instanceof jakarta.json.JsonString, what + " " + error);
        assertTrue(error.get("request_id") instanceof jakarta.json.JsonString, what + " " + error);
        assertEquals(JsonValue.ValueType.ARRAY, error.get("errors").getValueType(), what + " " + error);
        assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat "), what);
    }

    /** An object whose fields hold values of any JSON type (or duplicated keys, or unknown fields). */
    private static byte[] wrongTypes(Random random) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            String name = random.nextInt(8) == 0 ? "unknown" + f : FIELDS[random.nextInt(FIELDS.length)];
            json.append(f == 0 ? "" : ",").append('"').append(name).append("\":").append(value(random, 0));
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> random.nextDouble() * 1e300 + "";
            case 4 -> "1e999999";
            case 5 -> "\"" + randomText(random, random.nextInt(40)) + "\"";
            case 6 -> "\"eng_Latn\"";
            case 7 -> "\"\\ud800\\u0000\\\\\"";
            case 8 -> Integer.toString(random.nextInt(20) - 5);
            case 9 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            default -> "{\"k\":" + value(random, depth + 1) + "}";
        };
    }

    private static byte[] hugeString(Random random) {
        int length = new int[]{4_999, 5_001, 20_000, 70_000, 200_000}[random.nextInt(5)];
        String field = random.nextBoolean() ? "\"text\":\"" + "é".repeat(length / 2) + "\""
                : "\"texts\":[" + "\"ab\",".repeat(length / 5) + "\"c\"]";
        return ("{" + field + ",\"target_language\":\"eng_Latn\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(Random random) {
        byte[] prefix = "{\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\",\"target_language\":\"fra_Latn\"}".getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {0}};
        byte[] middle = bad[random.nextInt(bad.length)];
        byte[] body = new byte[prefix.length + middle.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(middle, 0, body, prefix.length, middle.length);
        System.arraycopy(suffix, 0, body, prefix.length + middle.length, suffix.length);
        return body;
    }

    private static byte[] deepNesting(Random random) {
        int depth = 10 + random.nextInt(random.nextBoolean() ? 40 : 20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        boolean closed = random.nextBoolean();
        return ("{\"text\":" + open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "") + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] body = new byte[random.nextInt(2000)];
        random.nextBytes(body);
        return body;
    }

    /** A valid request with one character dropped, doubled or flipped. */
    private static byte[] almostValid(Random random) {
        String[] valid = {"{\"text\":\"Habari ya asubuhi\",\"target_language\":\"eng_Latn\",\"beam_size\":2}",
                "{\"texts\":[\"Habari\",\"Asante\"],\"target_language\":\"English\",\"source_language\":\"sw\"}",
                "{\"text\":\"Bonjour\",\"top_k\":3}"};
        StringBuilder json = new StringBuilder(valid[random.nextInt(valid.length)]);
        int at = random.nextInt(json.length());
        switch (random.nextInt(3)) {
            case 0 -> json.deleteCharAt(at);
            case 1 -> json.insert(at, json.charAt(at));
            default -> json.setCharAt(at, (char) (32 + random.nextInt(95)));
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(80) : 0x20 + random.nextInt(0x2FF);
            if (cp == '"' || cp == '\\') {
                cp = 'q';
            }
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1);
        return body.length + " bytes: " + text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
