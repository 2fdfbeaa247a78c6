package it.dev.sema.stream;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream with an API key on semaAccountsIT (H2, the echo model): the key's filters apply as on {@code /translate},
 * a whole stream is charged exactly the text's characters, and a stream over the quota is refused before its first
 * byte. (A stream cut short is charged what it sent: {@link StreamCancellationIT}.)
 */
class StreamQuotaIT {

    private static final Duration READ = Duration.ofSeconds(60);
    private static final Http accounts = Http.on("http.port.accounts");
    private static final int RUN = new Random().nextInt(1_000_000);

    @BeforeAll
    static void ready() {
        accounts.awaitReady(Duration.ofSeconds(120));
    }

    @Test
    void aWholeStreamIsChargedItsTextsCharactersAndAStreamOverTheQuotaIsRefusedFirst() throws Exception {
        String text = "Stream " + RUN + " starts here. It goes on a little. And it ends — über.";
        int characters = text.codePointCount(0, text.length());
        Keys.Key key = Keys.create(accounts, Keys.body("stream-quota-" + RUN, "\"characters_per_day\":"
                + (characters + 10)));
        try (SseClient stream = SseClient.open(accounts, request(text), Map.of("Authorization",
                "Bearer " + key.secret()), READ)) {
            assertEquals(200, stream.status);
            List<SseClient.Event> events = stream.readAll();
            JsonObject done = events.get(events.size() - 1).data();
            assertEquals("done", events.get(events.size() - 1).name());
            assertEquals(3, done.getInt("segments"));
            assertEquals(characters, done.getInt("character_count"));
        }
        long deadline = System.nanoTime() + READ.toNanos();
        while (Keys.charactersToday(accounts, key.id()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(characters, Keys.charactersToday(accounts, key.id()), "charged exactly the text");

        try (SseClient refused = SseClient.open(accounts, request(text), Map.of("Authorization",
                "Bearer " + key.secret()), READ)) {
            String body = refused.rest();
            assertEquals(429, refused.status, body);
            assertEquals("quota_exceeded", Json.createReader(new StringReader(body)).readObject().getString("error"));
            assertTrue(refused.headers.containsKey("retry-after"), refused.headers.toString());
        }
        try (SseClient rejected = SseClient.open(accounts, request(text), Map.of("Authorization",
                "Bearer sema_not_a_key"), READ)) {
            assertEquals(401, rejected.status, rejected.rest());
        }
        assertEquals(characters, Keys.charactersToday(accounts, key.id()), "refusals are not charged");
    }

    private static String request(String text) {
        return Json.createObjectBuilder().add("text", text).add("source_language", "eng_Latn")
                .add("target_language", "fra_Latn").build().toString();
    }
}
