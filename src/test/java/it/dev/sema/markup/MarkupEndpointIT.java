package it.dev.sema.markup;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tag_handling over HTTP on the echo model (semaIT): markup comes back with its tags, character_count counts the
 * translated text only, and bad markup or options get their 4xx with the field named, never a 5xx.
 */
class MarkupEndpointIT {

    private static final Http HTTP = Http.main();

    @BeforeAll
    static void modelsLoaded() {
        HTTP.awaitReady(Duration.ofSeconds(120));
    }

    private static JsonObjectBuilder request(String text, String tagHandling) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("text", text).add("source_language", "eng_Latn")
                .add("target_language", "fra_Latn");
        return tagHandling == null ? body : body.add("tag_handling", tagHandling);
    }

    private static Http.Reply post(JsonObjectBuilder body) {
        return HTTP.postJson("/api/v1/translate", body.build().toString());
    }

    @Test
    void htmlComesBackWithItsTagsAndOnlyTextIsCounted() {
        String html = "<p>Hello <b>big</b> world &amp; <!-- note --> <code>x()</code></p>\n<p>Bye.</p>";
        JsonObject body = post(request(html, "html")).expect(200).json();
        assertEquals("<p>Hello <b>big</b> world &amp; <!-- note --> <code>x()</code></p>\n<p>Bye.</p>",
                body.getString("translated_text"));
        assertEquals("Hello big world &".length() + "Bye.".length(), body.getInt("character_count"));
        // Without tag_handling the same text is plain text, as before.
        JsonObject plain = post(request(html, null)).expect(200).json();
        assertEquals(html, plain.getString("translated_text"));
        assertEquals(html.length(), plain.getInt("character_count"));
    }

    @Test
    void aBatchTranslatesEveryDocument() {
        String body = Json.createObjectBuilder().add("texts", Json.createArrayBuilder().add("<a>One <b>two</b></a>")
                        .add("<a>Three</a>")).add("source_language", "eng_Latn").add("target_language", "fra_Latn")
                .add("tag_handling", "xml").build().toString();
        JsonObject reply = HTTP.postJson("/api/v1/translate/batch", body).expect(200).json();
        assertEquals("<a>One <b>two</b></a>", reply.getJsonArray("translations").getJsonObject(0)
                .getString("translated_text"));
        assertEquals("<a>Three</a>", reply.getJsonArray("translations").getJsonObject(1).getString("translated_text"));
        assertEquals("One two".length() + "Three".length(), reply.getInt("character_count"));
    }

    @Test
    void malformedXmlIs400NamingLineAndColumn() {
        JsonObject error = post(request("<doc>\n<p>open</doc>", "xml")).error(400, "invalid_markup");
        assertEquals("text", error.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("line 2, column 10", error.getJsonArray("errors").getJsonObject(0).getString("message"));
        String batch = Json.createObjectBuilder().add("texts", Json.createArrayBuilder().add("<a>fine</a>")
                        .add("<a>bad")).add("target_language", "fra_Latn").add("tag_handling", "xml").build().toString();
        JsonObject second = HTTP.postJson("/api/v1/translate/batch", batch).error(400, "invalid_markup");
        assertEquals("texts[1]", second.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void externalEntitiesAndEntityBombsAre400() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        JsonObject error = post(request(xxe, "xml")).error(400, "invalid_markup");
        assertFalse(error.toString().contains("root:"), "no file content: " + error);
        StringBuilder bomb = new StringBuilder("<!DOCTYPE l [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><l>&l9;</l>");
        assertTrue(post(request(bomb.toString(), "xml")).error(400, "invalid_markup").getString("detail")
                .contains("&l9;"));
    }

    @Test
    void badOptionsAre400InvalidValue() {
        assertEquals("tag_handling", post(request("<p>x</p>", "pdf")).error(400, "invalid_value")
                .getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("ignore_tags", post(request("<p>x</p>", "html").add("ignore_tags",
                Json.createArrayBuilder().add("code"))).error(400, "invalid_value").getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        assertEquals("splitting_tags[0]", post(request("<p>x</p>", "xml").add("splitting_tags",
                Json.createArrayBuilder().add("not a name"))).error(400, "invalid_value").getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        assertEquals("alternatives", post(request("<p>x</p>", "html").add("alternatives", 2))
                .error(400, "invalid_value").getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void limitsCountMarkupBytesAndTranslatedCharactersApart() {
        // 40,000 bytes of markup (over sema.max-markup-bytes, 32 KiB) around very little text.
        String heavy = "<p>" + "<span class=\"x\"></span>".repeat(1700) + "Hi</p>";
        post(request(heavy, "html")).error(413, "markup_too_large");
        // 4,499 characters of text in 10,807 of markup: within sema.max-characters (5,000), as only text counts.
        String tagged = "<p>" + "<b>word</b> ".repeat(900) + "</p>";
        assertEquals(5 * 900 - 1, post(request(tagged, "html")).expect(200).json().getInt("character_count"));
        JsonObject tooLong = post(request("<p>" + "abcd ".repeat(1100) + "</p>", "html")).error(413, "text_too_long");
        assertEquals(5000, tooLong.getInt("max_characters"));
    }
}
