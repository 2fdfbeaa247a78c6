package it.dev.sema.guard;

import it.dev.sema.Http;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inference bulkhead on a real server: semaGuardIT runs the slow echo model (some tens of ms per generated
 * token) with {@code sema.inference-concurrency=1}, {@code sema.inference-queue=1} and
 * {@code sema.inference-timeout=6} (see pom.xml). The FT annotation's own defaults are 2 slots, 8 queue places
 * and 30 s, so the refusals below also prove that Fault Tolerance reads the {@code sema.*} keys through the
 * expressions in microprofile-config.properties.
 *
 * <p>Timing assertions are ordinal or generous (a loaded 2-core machine may run several times slower).
 */
class InferenceGuardIT {

    private static final int BURST = 8;
    /** Default FT timeout, which an unconfigured guard would use instead of the 6 s configured. */
    private static final Duration FT_DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Http guard = Http.guard();

    @BeforeEach
    void idle() {
        guard.awaitReady(Duration.ofSeconds(120));
        awaitTranslation(Duration.ofSeconds(120)); // any inference left over from another test has finished
    }

    @Test
    void aBurstGetsSomeOwnTranslationsAndQuickOverloadedRefusals() throws Exception {
        List<String> texts = IntStream.range(0, BURST).mapToObj(i -> "Burst " + i + " echo")
                .toList();
        List<Timed> replies = concurrently(texts);

        List<Timed> ok = replies.stream().filter(r -> r.reply().status() == 200).toList();
        List<Timed> refused = replies.stream().filter(r -> r.reply().status() != 200).toList();
        String summary = replies.stream().map(Timed::toString).collect(Collectors.joining("\n"));
        System.out.println("burst against 1 slot + 1 queue place:\n" + summary);
        assertTrue(!ok.isEmpty(), "no request got through:\n" + summary);
        assertTrue(!refused.isEmpty(), "1 slot + 1 queue place took all " + BURST + " requests: FT ignores "
                + "sema.inference-concurrency / sema.inference-queue (its defaults are 16 + 32):\n" + summary);
        for (Timed r : ok) {
            assertEquals(r.text(), r.reply().json().getString("translated_text"), "a 200 carries its own text");
        }
        long slowestOk = ok.stream().mapToLong(Timed::millis).max().orElseThrow();
        for (Timed r : refused) {
            r.reply().error(503, "overloaded");
            assertEquals("1", r.reply().header("Retry-After"), r.reply().request());
            assertTrue(r.millis() < slowestOk, "refusal took " + r.millis() + " ms, longer than the slowest"
                    + " translation (" + slowestOk + " ms):\n" + summary);
        }
        assertRecovered();
    }

    @Test
    void anInferenceOutlastingTheTimeoutIs503TimeoutAndTheServerRecovers() {
        // About 2,000 characters without a sentence end: segments of up to 400 pieces, so hundreds of decoder
        // runs at tens of ms each, far beyond the 6 s timeout.
        String text = IntStream.range(0, 300).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        long start = System.nanoTime();
        Http.Reply reply = guard.postJson("/translate", request(text));
        long millis = (System.nanoTime() - start) / 1_000_000;

        reply.error(503, "timeout");
        assertEquals("1", reply.header("Retry-After"));
        assertTrue(millis < FT_DEFAULT_TIMEOUT.toMillis() - 5_000, "timed out after " + millis
                + " ms: FT ignores sema.inference-timeout=6 (its default is 30 s)");
        // ONNX Runtime ignores the interrupt, so the slot frees only when that inference ends on its own.
        awaitTranslation(Duration.ofSeconds(180));
        assertRecovered();
    }

    @Test
    void queueDepthGaugeIsExported() {
        String metrics = guard.get("/metrics").expect(200).body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("sema_inference_queue_depth")), metrics);
    }

    /** Sequential requests all succeed with their own text, and readiness is 200. */
    private void assertRecovered() {
        for (int i = 0; i < 5; i++) {
            String text = "Recovery request " + i;
            assertEquals(text, guard.postJson("/translate", request(text)).expect(200).json()
                    .getString("translated_text"));
        }
        guard.get("/health/ready").expect(200);
    }

    /** Retries one short translation until it is 200 (a busy slot answers 503). */
    private void awaitTranslation(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Reply last;
        do {
            last = guard.postJson("/translate", request("Is the slot free"));
            if (last.status() == 200) {
                return;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no successful translation within " + timeout + ": " + last.status() + " "
                + last.body());
    }

    private List<Timed> concurrently(List<String> texts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(texts.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Timed>> futures = new ArrayList<>();
            for (String text : texts) {
                futures.add(pool.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    Http.Reply reply = guard.postJson("/translate", request(text));
                    return new Timed(text, reply, (System.nanoTime() - start) / 1_000_000);
                }));
            }
            go.countDown();
            List<Timed> replies = new ArrayList<>();
            for (Future<Timed> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String request(String text) {
        return Json.createObjectBuilder().add("text", text).add("source_language", "eng_Latn")
                .add("target_language", "fra_Latn").build().toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Timed(String text, Http.Reply reply, long millis) {
        @Override
        public String toString() {
            return reply.status() + " after " + millis + " ms: " + text + " → " + reply.body();
        }
    }
}
