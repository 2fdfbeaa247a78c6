package it.dev.sema.accounts;

import it.dev.sema.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Idempotency-Key} on semaAccountsIT (one server, so the answers are kept in its memory; the cluster ITs
 * cover Redis): a retry gets the first answer and is not charged again, a key reused for another request is 422,
 * concurrent retries are 409 or the answer, never a second charge.
 */
class IdempotencyIT {

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    private static Map<String, String> with(Keys.Key key, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(key.headers());
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    private Keys.Key newKey() {
        return Keys.create(server, Keys.body("idempotency " + UUID.randomUUID(), ""));
    }

    @Test
    void aRetryGetsTheFirstAnswerAndIsChargedOnce() {
        Keys.Key key = newKey();
        String text = "Retried after a timeout " + UUID.randomUUID();
        Map<String, String> headers = with(key, "\"" + UUID.randomUUID() + "\"");
        Http.Reply first = server.post("/api/v1/translate", Keys.translation(text), headers).expect(200);
        Http.Reply retry = server.post("/api/v1/translate", Keys.translation(text), headers).expect(200);

        assertEquals(first.body(), retry.body(), "the replay is the first answer, byte for byte");
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(text.length(), Keys.charactersToday(server, key.id()), "charged once");

        // the same two requests without a key are two translations, charged twice: the test can tell
        server.post("/api/v1/translate", Keys.translation(text), key.headers()).expect(200);
        server.post("/api/v1/translate", Keys.translation(text), key.headers()).expect(200);
        assertEquals(3L * text.length(), Keys.charactersToday(server, key.id()));
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndNotCharged() {
        Keys.Key key = newKey();
        Map<String, String> headers = with(key, UUID.randomUUID().toString());
        server.post("/api/v1/translate", Keys.translation("First request"), headers).expect(200);
        server.post("/api/v1/translate", Keys.translation("Second request"), headers)
                .error(422, "idempotency_key_reused");
        server.post("/api/v1/translate/batch", "{\"texts\":[\"First request\"],\"source_language\":\"eng_Latn\","
                + "\"target_language\":\"fra_Latn\"}", headers).error(422, "idempotency_key_reused");
        assertEquals("First request".length(), Keys.charactersToday(server, key.id()));
    }

    @Test
    void concurrentRetriesAreAnsweredOnceAndChargedOnce() throws Exception {
        Keys.Key key = newKey();
        String body = "{\"texts\":[" + String.join(",", java.util.Collections.nCopies(16,
                "\"" + Keys.hundredCharacters(7) + "\"")) + "],\"source_language\":\"eng_Latn\","
                + "\"target_language\":\"fra_Latn\"}";
        Map<String, String> headers = with(key, UUID.randomUUID().toString());
        List<Callable<Http.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> server.post("/api/v1/translate/batch", body, headers));
        }
        List<Http.Reply> replies = Keys.concurrently(calls);
        List<String> answers = new ArrayList<>();
        for (Http.Reply reply : replies) {
            if (reply.status() == 409) {
                reply.error(409, "idempotency_key_in_use");
            } else {
                answers.add(reply.expect(200).body());
            }
        }
        assertTrue(!answers.isEmpty(), "one of them ran");
        assertTrue(answers.stream().allMatch(answers.get(0)::equals), "every 200 is the one answer");
        assertEquals(1600, Keys.charactersToday(server, key.id()), "charged once whatever the interleaving");
        assertEquals(answers.get(0), server.post("/api/v1/translate/batch", body, headers).expect(200).body());
    }

    @Test
    void aFailedRequestKeepsNothingAndMayBeRetried() {
        Keys.Key key = newKey();
        Map<String, String> headers = with(key, UUID.randomUUID().toString());
        String unsupported = "{\"text\":\"Hello\",\"source_language\":\"eng_Latn\",\"target_language\":\"xxx_Yyyy\"}";
        server.post("/api/v1/translate", unsupported, headers).error(400, "unsupported_language");
        Http.Reply again = server.post("/api/v1/translate", unsupported, headers);
        again.error(400, "unsupported_language");
        assertNull(again.header("Idempotent-Replayed"), "errors are not replayed");
        server.post("/api/v1/translate", Keys.translation("Hello"), headers).expect(200);
        assertEquals(5, Keys.charactersToday(server, key.id()));
    }

    @Test
    void malformedKeysAreRefused() {
        Keys.Key key = newKey();
        for (String bad : List.of("\"\"", "x".repeat(256), "caf\u00e9")) {
            server.post("/api/v1/translate", Keys.translation("Hello"), with(key, bad))
                    .error(400, "invalid_idempotency_key");
        }
        assertEquals(0, Keys.charactersToday(server, key.id()));
    }

    /** Keys are the caller's own: another client with the same key runs its own request. */
    @Test
    void anotherCallersKeyIsItsOwn() {
        String idempotencyKey = UUID.randomUUID().toString();
        Keys.Key one = newKey();
        Keys.Key two = newKey();
        server.post("/api/v1/translate", Keys.translation("Mine"), with(one, idempotencyKey)).expect(200);
        Http.Reply other = server.post("/api/v1/translate", Keys.translation("Yours"), with(two, idempotencyKey));
        assertNull(other.expect(200).header("Idempotent-Replayed"));
        assertEquals(5, Keys.charactersToday(server, two.id()));

        // anonymous callers are told apart by address (127.0.0.1 is a trusted proxy here: X-Forwarded-For counts)
        Map<String, String> first = Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey,
                "X-Forwarded-For", "203.0.113.71");
        Map<String, String> second = Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey,
                "X-Forwarded-For", "203.0.113.72");
        server.post("/api/v1/translate", Keys.translation("Anonymous one"), first).expect(200);
        server.post("/api/v1/translate", Keys.translation("Anonymous two"), second).expect(200);
        assertEquals("true", server.post("/api/v1/translate", Keys.translation("Anonymous one"), first)
                .expect(200).header("Idempotent-Replayed"));
    }

    /** The balancer's request id (a trusted proxy's header) serves as the key of a keyed request. */
    @Test
    void theBalancersRequestIdMakesItsReplayFree() {
        Keys.Key key = newKey();
        Map<String, String> headers = new HashMap<>(key.headers());
        headers.put("Sema-Balancer-Request-Id", UUID.randomUUID().toString());
        String text = "Replayed by the balancer";
        Http.Reply first = server.post("/api/v1/translate", Keys.translation(text), headers).expect(200);
        Http.Reply replay = server.post("/api/v1/translate", Keys.translation(text), headers).expect(200);
        assertEquals(first.body(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(text.length(), Keys.charactersToday(server, key.id()));
    }
}
