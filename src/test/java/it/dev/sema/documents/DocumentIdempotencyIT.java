package it.dev.sema.documents;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Idempotency-Key} on document uploads, on semaAccountsIT (the echo model, accounts on H2, answers kept in
 * memory): a retry of the same file and fields, which the client sends with a multipart boundary of its own, gets the
 * first 202 (the same document id and key) and queues and charges nothing; the key with another file or field is 422;
 * concurrent retries are 409 or that one answer, and one document is charged.
 */
class DocumentIdempotencyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Map<String, String> FRENCH = Map.of("target_language", "fra_Latn",
            "source_language", "eng_Latn");

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));
    private final DocumentClient client = new DocumentClient(server);

    private static byte[] document(String word, int paragraphs) {
        return (IntStream.range(0, paragraphs).mapToObj(i -> "Paragraph " + i + " of the " + word + " report.")
                .collect(Collectors.joining("\n\n")) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long characters(byte[] document) {
        return new String(document, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .mapToLong(String::length).sum();
    }

    private static Map<String, String> headers(Keys.Key key, String idempotencyKey) {
        return Map.of("Authorization", "Bearer " + key.secret(), "Idempotency-Key", idempotencyKey);
    }

    @Test
    void aRetriedUploadGetsTheFirstDocumentAndIsQueuedAndChargedOnce() {
        Keys.Key key = Keys.create(server, Keys.body("document retries", ""));
        Map<String, String> headers = headers(key, UUID.randomUUID().toString());
        byte[] file = document("retried " + UUID.randomUUID(), 5);

        DocumentClient.Reply first = client.upload("report.txt", file, FRENCH, headers).expect(202);
        DocumentClient.Reply retry = client.upload("report.txt", file, FRENCH, headers).expect(202);
        assertEquals(first.text(), retry.text(), "the same document id and key, byte for byte");
        assertFalse(first.response().headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals("true", retry.response().headers().firstValue("Idempotent-Replayed").orElse(""));

        JsonObject receipt = first.json();
        assertEquals("done", client.awaitEnd(receipt, DEADLINE).getString("status"));
        assertEquals(new String(file, StandardCharsets.UTF_8), client.result(receipt.getString("document_id"),
                receipt.getString("document_key")).expect(200).text());
        assertEquals(first.text(), client.upload("report.txt", file, FRENCH, headers).expect(202).text(),
                "still the first answer after the download");
        assertEquals(characters(file), Keys.charactersToday(server, key.id()), "one document charged");

        // Without the header, the same two uploads are two documents, charged twice: the test can tell.
        Map<String, String> plain = Map.of("Authorization", "Bearer " + key.secret());
        for (int i = 0; i < 2; i++) {
            JsonObject another = client.upload("report.txt", file, FRENCH, plain).expect(202).json();
            assertFalse(another.getString("document_id").equals(receipt.getString("document_id")));
            client.awaitEnd(another, DEADLINE);
        }
        assertEquals(3 * characters(file), Keys.charactersToday(server, key.id()));
    }

    @Test
    void theKeyWithAnotherFileOrFieldIsRefusedAndNotCharged() {
        Keys.Key key = Keys.create(server, Keys.body("document key reuse", ""));
        Map<String, String> headers = headers(key, UUID.randomUUID().toString());
        byte[] file = document("reused " + UUID.randomUUID(), 3);
        JsonObject receipt = client.upload("report.txt", file, FRENCH, headers).expect(202).json();

        client.upload("report.txt", document("other " + UUID.randomUUID(), 3), FRENCH, headers)
                .error(422, "idempotency_key_reused");
        client.upload("report.txt", file, Map.of("target_language", "deu_Latn", "source_language", "eng_Latn"),
                headers).error(422, "idempotency_key_reused");
        client.upload("renamed.txt", file, FRENCH, headers).error(422, "idempotency_key_reused");
        client.awaitEnd(receipt, DEADLINE);
        assertEquals(characters(file), Keys.charactersToday(server, key.id()));
    }

    @Test
    void concurrentRetriesAreOneDocumentChargedOnce() throws Exception {
        Keys.Key key = Keys.create(server, Keys.body("document concurrent retries", ""));
        Map<String, String> headers = headers(key, UUID.randomUUID().toString());
        byte[] file = document("concurrent " + UUID.randomUUID(), 2000);
        List<Callable<DocumentClient.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> client.upload("large.txt", file, FRENCH, headers));
        }
        List<String> answers = new ArrayList<>();
        for (DocumentClient.Reply reply : Keys.concurrently(calls)) {
            if (reply.status() == 409) {
                reply.error(409, "idempotency_key_in_use");
            } else {
                answers.add(reply.expect(202).text());
            }
        }
        assertFalse(answers.isEmpty(), "one of them ran");
        assertTrue(answers.stream().allMatch(answers.get(0)::equals), "every 202 is the one document");
        DocumentClient.Reply again = client.upload("large.txt", file, FRENCH, headers).expect(202);
        assertEquals(answers.get(0), again.text(), "and so is a retry after them");
        JsonObject receipt = again.json();
        assertEquals("done", client.awaitEnd(receipt, DEADLINE).getString("status"));
        assertEquals(characters(file), Keys.charactersToday(server, key.id()), "one document, charged once");
    }
}
