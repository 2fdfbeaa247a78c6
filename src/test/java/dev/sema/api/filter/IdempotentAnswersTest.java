package dev.sema.api.filter;

import dev.sema.api.error.ApiException;
import dev.sema.fleet.SharedStore;
import dev.sema.fleet.SharedStoreConfig;
import dev.sema.idempotency.Claim;
import dev.sema.idempotency.IdempotencyConfig;
import dev.sema.idempotency.IdempotencyRecords;
import dev.sema.idempotency.StoredAnswer;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdicts on keyed requests, on the in-memory records: go on with the claim noted, replay the first answer
 * (stored sealed, sent opened), 409 while the first runs, 422 for another request with the same key.
 */
class IdempotentAnswersTest {

    private static final byte[] RECEIPT = "{\"document_id\":\"d1\",\"document_key\":\"secret-key\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SharedStore none = SharedStore.open(new SharedStoreConfig(Optional.empty(), "x:",
            Duration.ofSeconds(1), Duration.ofSeconds(1)), scheduler);
    private final IdempotencyRecords records = IdempotencyRecords.open(new IdempotencyConfig(Duration.ofDays(1),
            Duration.ofMinutes(5), Duration.ofSeconds(10), 1024, 1 << 20), none, scheduler);
    private final IdempotentAnswers answers = new IdempotentAnswers(records);

    @AfterEach
    void close() {
        records.close();
        scheduler.shutdownNow();
    }

    private static RequestFingerprint upload(String file) {
        return RequestFingerprint.of("POST", "api/v1/documents", file.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstAnswerIsKeptSealedAndReplayedOpened() {
        Map<String, Object> first = new HashMap<>();
        assertTrue(answers.begin("caller:k:1", false, null, upload("report"), first::put).isEmpty(), "the first goes on");
        Claim claim = (Claim) first.get(IdempotentAnswers.CLAIM);
        byte[] sealed = IdempotentAnswers.sealed(RECEIPT, (byte[]) first.get(IdempotentAnswers.ANSWER_KEY));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("secret-key"), "kept sealed");

        assertEquals(409, assertThrows(ApiException.class,
                () -> answers.begin("caller:k:1", false, null, upload("report"), new HashMap<>()::put)).status());
        records.complete(claim, new StoredAnswer(202, "application/json", sealed));

        Map<String, Object> retry = new HashMap<>();
        Response replay = answers.begin("caller:k:1", false, null, upload("report"), retry::put).orElseThrow();
        assertEquals(202, replay.getStatus());
        assertArrayEquals(RECEIPT, (byte[]) replay.getEntity());
        assertEquals("true", replay.getHeaderString("Idempotent-Replayed"));
        assertTrue(retry.isEmpty(), "a replay claims nothing");
        assertEquals(422, assertThrows(ApiException.class,
                () -> answers.begin("caller:k:1", false, null, upload("another report"), new HashMap<>()::put)).status());
    }

    @Test
    void anAnswerKeptBeforeAnswersWereSealedIsReplayedAsItIs() {
        Map<String, Object> first = new HashMap<>();
        answers.begin("caller:k:2", false, null, upload("old"), first::put);
        records.complete((Claim) first.get(IdempotentAnswers.CLAIM), new StoredAnswer(200, "application/json",
                RECEIPT));
        assertArrayEquals(RECEIPT, (byte[]) answers.begin("caller:k:2", false, null, upload("old"), new HashMap<>()::put)
                .orElseThrow().getEntity());
    }
}
