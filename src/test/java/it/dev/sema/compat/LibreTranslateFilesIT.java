package it.dev.sema.compat;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import it.dev.sema.documents.DocumentClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LibreTranslate's {@code /translate_file} as its clients send it (multipart: file, source, target, api_key) on
 * semaAccountsIT (echo model: the translated file is the source file): one call answers the download URL, the URL
 * gives the file once, the characters are the key's, and refusals are LibreTranslate's {@code {"error"}}.
 */
class LibreTranslateFilesIT {

    private static final String TEXT = "Good morning, my friend.\n\nThe river is wide and calm today.\n";

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));
    private final DocumentClient files = new DocumentClient(server);

    @Test
    void aFileIsTranslatedInOneCallAndDownloadedOnceFromItsUrl() {
        Keys.Key key = Keys.create(server, Keys.body("libretranslate file", ""));
        JsonObject answer = files.upload("/libretranslate/translate_file", "notes.txt",
                TEXT.getBytes(StandardCharsets.UTF_8), Map.of("source", "auto", "target", "sw",
                        "api_key", key.secret()), Map.of()).expect(200).json();
        URI url = URI.create(answer.getString("translatedFileUrl"));
        assertEquals(server.uri("").getPort(), url.getPort(), "an absolute URL on this server: " + url);
        assertTrue(url.getPath().startsWith("/libretranslate/download_file/"), url.toString());

        Http.Reply file = server.get(url.getPath()).expect(200);
        assertEquals(TEXT, file.body());
        assertTrue(Keys.charactersToday(server, key.id()) > 0, "billed to the api_key's key");
        Http.Reply again = server.get(url.getPath());
        assertEquals(404, again.status(), "deleted after the download: " + again.body());
        assertTrue(again.json().containsKey("error"), again.body());
    }

    @Test
    void refusalsAreLibreTranslateErrors() {
        DocumentClient.Reply badKey = files.upload("/libretranslate/translate_file", "a.txt",
                TEXT.getBytes(StandardCharsets.UTF_8), Map.of("source", "en", "target", "fr",
                        "api_key", "wrong-" + System.nanoTime()), Map.of());
        assertEquals(403, badKey.status(), badKey.text());
        assertTrue(badKey.json().containsKey("error"), badKey.text());

        Keys.Key key = Keys.create(server, Keys.body("libretranslate file bad", ""));
        DocumentClient.Reply noTarget = files.upload("/libretranslate/translate_file", "a.txt",
                TEXT.getBytes(StandardCharsets.UTF_8), Map.of("source", "en", "api_key", key.secret()), Map.of());
        assertEquals(400, noTarget.status(), noTarget.text());
        assertTrue(noTarget.json().getString("error").contains("target"), noTarget.text());
        DocumentClient.Reply binary = files.upload("/libretranslate/translate_file", "a.bin",
                new byte[] {0, 1, 2, (byte) 0xff, 0, 7}, Map.of("target", "fr", "api_key", key.secret()), Map.of());
        assertEquals(400, binary.status(), "an unsupported file is LibreTranslate's 400: " + binary.text());
        assertEquals(404, server.get("/libretranslate/download_file/nope/nokey").status());
    }
}
