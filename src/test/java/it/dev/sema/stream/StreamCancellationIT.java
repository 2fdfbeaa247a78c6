package it.dev.sema.stream;

import it.dev.sema.Http;
import it.dev.sema.MetricsScrape;
import it.dev.sema.accounts.Keys;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams on semaGuardIT: the slow echo model (milliseconds per row and token), one inference slot, one queue
 * place, a 6 s inference timeout and a ping every 100 ms (pom.xml), so a stream of many sentences is long enough
 * to be cut. No verdict depends on the machine's speed: the texts are sized from a sentence timed here, every wait
 * has a deadline, and what is checked is counted, not timed.
 */
class StreamCancellationIT {

    /** The guard server's sema.inference-timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(6);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The guard server's sema.max-characters. */
    private static final int MAX_CHARACTERS = 60_000;
    private static final AtomicInteger UNIQUE = new AtomicInteger(new Random().nextInt(1_000_000) * 10);
    private static final String CANCELLED = "sema_inference_cancelled_total";
    private static final String DECODED = "sema_translation_cache_misses_total";

    private final Http guard = Http.guard();

    @BeforeEach
    void idle() {
        guard.awaitReady(Duration.ofSeconds(120));
        awaitTrue("the inference slot to be free", () -> guard.postJson("/translate",
                request(sentence())).status() == 200);
    }

    @Test
    void aClientThatLeavesAfterTwoSegmentsStopsTheRestAndIsChargedWhatItWasSent() throws IOException {
        long perSentenceMillis = sentenceMillis();
        List<String> sentences = sentencesFor(TIMEOUT.multipliedBy(3), perSentenceMillis);
        String text = String.join(" ", sentences);
        Keys.Key key = Keys.create(guard, Keys.body("stream-cut-" + UNIQUE.incrementAndGet(), ""));
        Map<String, Double> before = MetricsScrape.of(guard);

        List<SseClient.Event> read = new ArrayList<>();
        try (SseClient stream = SseClient.open(guard, request(text), Map.of("Authorization",
                "Bearer " + key.secret()), DEADLINE)) {
            assertEquals(200, stream.status);
            while (read.stream().filter(e -> e.name().equals("segment")).count() < 2) {
                read.add(stream.next());
            }
        } // closes the connection mid-stream
        assertEquals("start", read.get(0).name());
        assertEquals(sentences.size(), read.get(0).data().getInt("segments"));

        awaitTrue("sema_inference_cancelled_total{reason=\"client_gone\"} to rise", () -> MetricsScrape.delta(before,
                MetricsScrape.of(guard), CANCELLED, "reason", "client_gone") == 1);
        // The request gives up at once; its inference thread lets go when it next looks (a group whose start had passed
        // the cancellation check just before may still look up the cache): count only once it has.
        awaitTrue("the cancelled inference to end", () -> MetricsScrape.of(guard)
                .getOrDefault(MetricsScrape.key("sema_inference_running"), 1.0) == 0);
        awaitTrue("the inference queue to be empty", () -> MetricsScrape.of(guard)
                .getOrDefault(MetricsScrape.key("sema_inference_queue_depth"), 0.0) == 0);
        // The first sentence alone, then groups of 16 (one decoder batch) one after the other: the groups of the two
        // read, then the group running when the disconnect was noticed; never the rest of the text, and nothing more
        // once it was noticed.
        double decoded = MetricsScrape.delta(before, MetricsScrape.of(guard), DECODED);
        System.out.println("stream cut after 2 segments: " + decoded + " of " + sentences.size() + " decoded");
        assertTrue(decoded >= 3 && decoded < sentences.size(), "decoded " + decoded + " of " + sentences.size());
        long took = timed(() -> guard.postJson("/translate", request(sentence())).expect(200));
        assertTrue(took < (sentences.size() - decoded) * perSentenceMillis / 2, "the slot is free for the next request");
        assertEquals(decoded + 1, MetricsScrape.delta(before, MetricsScrape.of(guard), DECODED),
                "nothing of the stream was decoded after it was cancelled (only the request just sent)");

        // Charged: a whole number of the sentences sent (each with the space after it), at least the two read.
        int perSentence = sentences.get(0).length() + 1;
        awaitTrue("the cut stream's charge to settle", () -> Keys.charactersToday(guard, key.id()) > 0);
        long charged = Keys.charactersToday(guard, key.id());
        assertTrue(charged % perSentence == 0 && charged >= 2L * perSentence && charged < text.length(),
                "charged " + charged + " characters, sentences of " + perSentence);
    }

    @Test
    void aTimeoutMidStreamIsAnErrorEventAfterTheSegmentsSent() throws IOException {
        List<String> sentences = sentencesFor(TIMEOUT.multipliedBy(3), sentenceMillis());
        try (SseClient stream = SseClient.open(guard, request(String.join(" ", sentences)), Map.of(), DEADLINE)) {
            assertEquals(200, stream.status);
            List<SseClient.Event> events = stream.readAll();
            List<String> names = events.stream().map(SseClient.Event::name).filter(n -> !n.equals("ping")).toList();
            assertEquals("start", names.get(0));
            assertEquals("error", names.get(names.size() - 1), names.toString());
            assertTrue(names.subList(1, names.size() - 1).stream().allMatch("segment"::equals), names.toString());
            assertTrue(names.size() - 2 < sentences.size(), "not every segment came");
            var error = events.get(events.size() - 1).data();
            assertEquals("timeout", error.getString("error"));
            assertTrue(error.containsKey("detail") && error.containsKey("request_id"), error.toString());
            assertTrue(events.stream().anyMatch(e -> e.name().equals("ping")), "silences of 100 ms carry pings");
        }
    }

    /** Enough sentences that translating them one by one takes at least {@code at least}, within the limit. */
    private List<String> sentencesFor(Duration atLeast, long millis) {
        int count = (int) Math.max(60, atLeast.toMillis() / millis + 1); // 1 + 16 + 16 + 16 + 11 at least
        List<String> sentences = IntStream.range(0, count).mapToObj(i -> sentence()).toList();
        int characters = sentences.stream().mapToInt(s -> s.length() + 1).sum();
        assertTrue(characters <= MAX_CHARACTERS, "a sentence takes " + millis + " ms: this machine is too fast for"
                + " the guard server's limits");
        return sentences;
    }

    private long sentenceMillis() {
        return Math.max(1, timed(() -> guard.postJson("/translate", request(sentence())).expect(200)));
    }

    /** A sentence of equal length each time, numbered so that no cache has seen it (one segment). */
    private static String sentence() {
        return "Sentence " + String.format("%08d", UNIQUE.incrementAndGet()) + " of alpha bravo charlie delta.";
    }

    private static String request(String text) {
        return Json.createObjectBuilder().add("text", text).add("source_language", "eng_Latn")
                .add("target_language", "fra_Latn").build().toString();
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + DEADLINE.toSeconds() + " s for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
