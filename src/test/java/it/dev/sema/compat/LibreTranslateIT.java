package it.dev.sema.compat;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LibreTranslate's documented requests on semaAccountsIT under {@code /libretranslate} (echo model: a translation is
 * its source text): {@code q} as a string and as an array, {@code source: auto}, {@code format: html},
 * {@code alternatives}, {@code api_key} in a JSON body and in a form, {@code /detect}, {@code /languages},
 * {@code /frontend/settings}, and LibreTranslate's {@code {"error"}} bodies with its statuses.
 */
class LibreTranslateIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    @Test
    void aStringIsAnsweredWithAStringAndApiKeyInTheBodyIsTheKey() {
        Keys.Key key = Keys.create(server, Keys.body("libretranslate json", ""));
        JsonObject reply = server.post("/libretranslate/translate", "{\"q\":\"Good morning, my friend\","
                + "\"source\":\"en\",\"target\":\"sw\",\"api_key\":\"" + key.secret() + "\"}", JSON).expect(200).json();
        assertEquals("Good morning, my friend", reply.getString("translatedText"));
        assertTrue(!reply.containsKey("detectedLanguage"), "only with source auto");
        assertEquals("Good morning, my friend".length(), Keys.charactersToday(server, key.id()),
                "counted against the key given as api_key");
    }

    @Test
    void anArrayWithAutoSourceIsAnsweredWithArrays() {
        Keys.Key key = Keys.create(server, Keys.body("libretranslate array", ""));
        String body = "{\"q\":[\"Bonjour tout le monde, comment allez-vous aujourd'hui ?\","
                + "\"Guten Morgen, wie geht es dir heute?\"],\"source\":\"auto\",\"target\":\"en\",\"api_key\":\""
                + key.secret() + "\"}";
        JsonObject reply = server.post("/libretranslate/translate", body, JSON).expect(200).json();
        JsonArray texts = reply.getJsonArray("translatedText");
        assertEquals("Guten Morgen, wie geht es dir heute?", texts.getString(1));
        JsonArray detected = reply.getJsonArray("detectedLanguage");
        assertEquals("fr", detected.getJsonObject(0).getString("language"));
        assertEquals("de", detected.getJsonObject(1).getString("language"));
        double confidence = detected.getJsonObject(0).getJsonNumber("confidence").doubleValue();
        assertTrue(confidence > 1 && confidence <= 100, "a percentage: " + confidence);
    }

    @Test
    void htmlKeepsItsTagsAndAlternativesAreListed() {
        Keys.Key key = Keys.create(server, Keys.body("libretranslate html", ""));
        String html = "<p>Hello <b>big</b> world</p>";
        JsonObject tagged = server.post("/libretranslate/translate", Json.createObjectBuilder().add("q", html)
                .add("source", "en").add("target", "fr").add("format", "html").add("api_key", key.secret()).build()
                .toString(), JSON).expect(200).json();
        assertEquals(html, tagged.getString("translatedText"));
        assertEquals("Hello big world".length(), Keys.charactersToday(server, key.id()), "tags are not counted");
        JsonObject alternatives = server.post("/libretranslate/translate", form("q", "Hello there", "source", "en",
                "target", "fr", "alternatives", "2", "api_key", key.secret()), FORM).expect(200).json();
        assertEquals("Hello there", alternatives.getString("translatedText"));
        assertTrue(alternatives.getJsonArray("alternatives") != null, alternatives.toString());
    }

    @Test
    void detectLanguagesAndSettings() {
        JsonArray detected = Json.createReader(new StringReader(server.post("/libretranslate/detect",
                "{\"q\":\"Habari ya asubuhi, rafiki yangu mpendwa\"}", JSON).expect(200).body())).readArray();
        assertEquals("sw", detected.getJsonObject(0).getString("language"));
        JsonArray languages = Json.createReader(new StringReader(server.get("/libretranslate/languages").expect(200)
                .body())).readArray();
        assertTrue(languages.size() > 200, "all of NLLB-200");
        assertTrue(languages.stream().map(v -> v.asJsonObject().getString("code")).anyMatch("zh-Hant"::equals));
        JsonObject settings = server.get("/libretranslate/frontend/settings").expect(200).json();
        assertTrue(settings.getBoolean("apiKeys"));
        assertTrue(settings.getInt("charLimit") > 0);
    }

    @Test
    void failuresAreLibreTranslateErrors() {
        Http.Reply badKey = server.post("/libretranslate/translate", form("q", "Hello", "source", "en", "target", "fr",
                "api_key", "wrong-" + System.nanoTime()), FORM);
        assertEquals(403, badKey.status(), badKey.body());
        assertTrue(badKey.json().containsKey("error"), badKey.body());
        Http.Reply noTarget = server.post("/libretranslate/translate", "{\"q\":\"Hello\",\"source\":\"en\"}", JSON);
        assertEquals(400, noTarget.status(), noTarget.body());
        assertTrue(noTarget.json().getString("error").contains("target"), noTarget.body());
        Keys.Key small = Keys.create(server, Keys.body("libretranslate quota", "\"characters_per_day\": 10"));
        Http.Reply overQuota = server.post("/libretranslate/translate", "{\"q\":\"More than ten characters\","
                + "\"source\":\"en\",\"target\":\"fr\",\"api_key\":\"" + small.secret() + "\"}", JSON);
        assertEquals(429, overQuota.status(), overQuota.body());
        assertTrue(overQuota.json().containsKey("error"), overQuota.body());
        Http.Reply tooLong = server.post("/libretranslate/translate", Json.createObjectBuilder()
                .add("q", "x".repeat(70_000)).add("target", "fr").build().toString(), JSON);
        assertEquals(400, tooLong.status(), "LibreTranslate answers an oversized request with 400");
        assertTrue(tooLong.json().containsKey("error"), tooLong.body());
    }
}
