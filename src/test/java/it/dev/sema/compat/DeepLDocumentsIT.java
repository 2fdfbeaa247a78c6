package it.dev.sema.compat;

import com.deepl.api.AuthorizationException;
import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLException;
import com.deepl.api.DocumentHandle;
import com.deepl.api.DocumentStatus;
import com.deepl.api.DocumentTranslationException;
import com.deepl.api.DocumentTranslationOptions;
import com.deepl.api.GlossaryEntries;
import com.deepl.api.GlossaryInfo;
import com.deepl.api.NotFoundException;
import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import it.dev.sema.documents.DocumentClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepL's document API through the official client ({@code com.deepl.api:deepl-java}) on semaAccountsIT (echo model:
 * a translated document is its source, so the round trip is checked byte for byte): upload, wait and download as
 * {@code translateDocument} does them, over Sema's documents service (the same quota and usage), and the client's
 * own exceptions for a wrong document key, a wrong API key and what Sema refuses.
 */
class DeepLDocumentsIT {

    private static final String TEXT = "Good morning, my friend.\n\nThe river is wide today.\n";

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    @Test
    void aDocumentRoundTripsThroughTranslateDocument(@TempDir Path dir) throws Exception {
        Keys.Key key = Keys.create(server, Keys.body("deepl documents", ""));
        DeepLClient deepl = DeepLClients.on(server, key.secret());
        Path in = dir.resolve("notes.txt");
        Files.writeString(in, TEXT);
        Path out = dir.resolve("notes.de.txt");

        DocumentStatus status = deepl.translateDocument(in.toFile(), out.toFile(), "en", "de");

        assertTrue(status.done(), status.getStatus().toString());
        assertEquals(TEXT, Files.readString(out));
        assertTrue(status.getBilledCharacters() > 0, "billed: " + status.getBilledCharacters());
        assertEquals((long) status.getBilledCharacters(), Keys.charactersToday(server, key.id()),
                "billed to the key as Sema's own document route bills");
        assertEquals((long) status.getBilledCharacters(), deepl.getUsage().getCharacter().getCount());
    }

    @Test
    void aDocumentTranslatedWithAGlossaryHasItsTerms(@TempDir Path dir) throws Exception {
        DeepLClient deepl = DeepLClients.on(server, Keys.create(server, Keys.body("deepl doc glossary", "")).secret());
        GlossaryInfo glossary = deepl.createGlossary("Rivers", "en", "de",
                new GlossaryEntries(Map.of("river", "Fluss")));
        Path in = dir.resolve("river.txt");
        Files.writeString(in, TEXT);
        Path out = dir.resolve("river.de.txt");

        DocumentStatus status = deepl.translateDocument(in.toFile(), out.toFile(), "en", "de",
                new DocumentTranslationOptions().setGlossaryId(glossary.getGlossaryId()));

        assertTrue(status.done(), status.getStatus().toString());
        assertTrue(Files.readString(out).contains("Fluss"), "the echo model's copy holds the term: "
                + Files.readString(out));
        deepl.deleteGlossary(glossary.getGlossaryId());
    }

    @Test
    void aWrongDocumentKeyIsNotFoundAndTheRightOneStillWorks() throws Exception {
        DeepLClient deepl = DeepLClients.on(server, Keys.create(server, Keys.body("deepl doc key", "")).secret());
        DocumentHandle handle = deepl.translateDocumentUpload(new ByteArrayInputStream(
                TEXT.getBytes(StandardCharsets.UTF_8)), "a.txt", "en", "fr", null);
        DocumentHandle forged = new DocumentHandle(handle.getDocumentId(), "AAAA" + handle.getDocumentKey());
        assertThrows(NotFoundException.class, () -> deepl.translateDocumentStatus(forged));
        assertThrows(NotFoundException.class, () -> deepl.translateDocumentDownload(forged,
                new ByteArrayOutputStream()));
        assertTrue(deepl.translateDocumentWaitUntilDone(handle).done());
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        deepl.translateDocumentDownload(handle, result);
        assertEquals(TEXT, result.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusalsAreTheClientsExceptions(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("b.txt");
        Files.writeString(in, TEXT);
        DeepLClient stranger = DeepLClients.on(server, "not-a-sema-key-" + System.nanoTime());
        DocumentTranslationException refused = assertThrows(DocumentTranslationException.class,
                () -> stranger.translateDocument(in.toFile(), dir.resolve("b.out").toFile(), "en", "de"));
        assertInstanceOf(AuthorizationException.class, refused.getCause());

        DeepLClient deepl = DeepLClients.on(server, Keys.create(server, Keys.body("deepl doc bad", "")).secret());
        DeepLException unknownTarget = assertThrows(DeepLException.class,
                () -> deepl.translateDocumentUpload(in.toFile(), "en", "xx-QQ"));
        assertTrue(unknownTarget.getMessage().startsWith("Bad request"), unknownTarget.getMessage());
        assertThrows(NotFoundException.class, () -> deepl.translateDocumentUpload(
                in.toFile(), "en", "de", new DocumentTranslationOptions().setGlossaryId("g_unknown")));
        Path binary = dir.resolve("c.bin");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff, 0, 7});
        DeepLException type = assertThrows(DeepLException.class,
                () -> deepl.translateDocumentUpload(binary.toFile(), "en", "de"));
        assertTrue(type.getMessage().startsWith("Bad request"), type.getMessage());
    }

    @Test
    void theRawRoutesAnswerInDeepLsShapes() {
        Keys.Key key = Keys.create(server, Keys.body("deepl doc raw", ""));
        Map<String, String> auth = Map.of("Authorization", "DeepL-Auth-Key " + key.secret());
        DocumentClient documents = new DocumentClient(server);
        var upload = documents.upload("/v2/document", "d.txt", TEXT.getBytes(StandardCharsets.UTF_8),
                Map.of("target_lang", "DE", "source_lang", "EN"), auth).expect(200).json();
        assertEquals(2, upload.size(), "document_id and document_key only: " + upload);
        String output = documents.upload("/v2/document", "d.txt", TEXT.getBytes(StandardCharsets.UTF_8),
                Map.of("target_lang", "DE", "output_format", "pdf"), auth).expect(400).json().getString("message");
        assertTrue(output.contains("output_format"), output);
        Map<String, String> form = Map.of("Authorization", auth.get("Authorization"),
                "Content-Type", "application/x-www-form-urlencoded");
        var status = server.post("/v2/document/" + upload.getString("document_id"), "document_key="
                + upload.getString("document_key"), form).expect(200).json();
        assertTrue(status.getString("status").matches("queued|translating|done"), status.toString());
        assertEquals(400, server.post("/v2/document/" + upload.getString("document_id"), "", form).status(),
                "no document_key");
    }
}
