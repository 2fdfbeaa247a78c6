package dev.sema.translation;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many concurrent requests sharing decoder batches must get exactly what each would get alone. */
class DecodeSchedulerTest {

    private static final int REQUESTS = 200;
    private static final List<String> TEXTS = List.of("Hello world", "Bonjour", "x y z", "Dit is een zin.",
            "Wie geht es dir heute?", "Короткий текст.", "生活的真谛是 simple", "Line one.\nLine two is longer.",
            "A somewhat longer sentence with several words in it. And a second one!", "42 apples", "Ok.");
    private static final List<String> LANGUAGES = List.of("eng_Latn", "fra_Latn", "deu_Latn", "rus_Cyrl",
            "zho_Hans");

    private static GeneratedModelSlots models;
    private static ModelSlot<NllbModel> echo;
    private static ModelSlot<NllbModel> tiny;

    @BeforeAll
    static void load() {
        models = new GeneratedModelSlots();
        echo = models.echo;
        tiny = models.tiny;
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void concurrentMixedRequestsOnTheEchoModelGetTheirOwnTextBack() throws Exception {
        List<Call> calls = calls(new Random(7));
        NllbTranslationEngine engine = engine(echo, 512, 16);
        List<TranslationOutput> outputs = runConcurrently(engine, calls);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(calls.get(i).texts().get(0), outputs.get(i).text(), "request " + i);
        }
        assertTrue(engine.batchStats().mostRequestsInOneBatch() > 1, "requests shared batches: "
                + engine.batchStats());
    }

    @Test
    void concurrentMixedRequestsOnTheTinyModelEqualOneAtATime() throws Exception {
        List<Call> calls = calls(new Random(11));
        NllbTranslationEngine alone = engine(tiny, 9, 1);
        List<TranslationOutput> expected = calls.stream().map(c -> c.run(alone)).toList();

        NllbTranslationEngine shared = engine(tiny, 9, 16);
        assertEquals(expected, runConcurrently(shared, calls));
        assertTrue(shared.batchStats().mostRequestsInOneBatch() > 1, "requests shared batches: "
                + shared.batchStats());

        NllbTranslationEngine sequential = engine(tiny, 9, 1);
        assertEquals(expected, runConcurrently(sequential, calls));
        assertEquals(1, sequential.batchStats().mostRequestsInOneBatch(), "batch-max-size 1: one request a batch");
    }

    /**
     * Eight clients in a closed loop. However the first round splits them, with the gather wait a batch after one
     * of k requests waits until k have queued again, and takes every queued request, so batches grow until one
     * holds every client. Without the wait the first client back would decode alone while the others wait for
     * it, batch after batch. (The wait is long here so that a slow test machine cannot break the pattern; the
     * clients' last batch waits it out, as no more requests come.)
     */
    @Test
    void clientsAnsweredTogetherShareTheirNextBatch() throws Exception {
        NllbTranslationEngine engine = new NllbTranslationEngine(echo, EngineConfigs.of(1, 512, 400, 16, 16, 8192,
                2_000));
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String text = "Client " + c + " says hello";
                loops.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 8; round++) {
                        assertEquals(text, engine.translate(List.of(text), "eng_Latn", "fra_Latn",
                                TranslationOptions.DEFAULT).get(0).text());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(clients, engine.batchStats().mostRequestsInOneBatch(), "one batch served every client: "
                + engine.batchStats());
    }

    @Test
    void theTokenBoundSplitsBatches() {
        NllbTranslationEngine engine = new NllbTranslationEngine(tiny, EngineConfigs.of(1, 9, 400, 16, 16, 1));
        List<String> texts = List.of("Hello world", "Bonjour", "x y z");
        List<TranslationOutput> out = engine.translate(texts, "eng_Latn", "deu_Latn", TranslationOptions.DEFAULT);
        assertEquals(engine(tiny, 9, 1).translate(texts, "eng_Latn", "deu_Latn", TranslationOptions.DEFAULT), out);
        assertEquals(3, engine.batchStats().batches(), "each segment alone under a 1-token bound");
    }

    @Test
    void aRequestInterruptedWhileWaitingLeavesTheQueue() throws Exception {
        NllbTranslationEngine engine = new NllbTranslationEngine(echo, EngineConfigs.of(1, 512, 400, 1, 16, 8192));
        // One segment per batch: the long texts keep the decoder busy for many batches.
        List<String> longTexts = Collections.nCopies(2, MixedScriptText.nearLimit(3000));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<TranslationOutput>> busy = pool.submit(() -> engine.translate(longTexts, "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT));
        pool.shutdown();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try {
                engine.translate(List.of("Hello world"), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (engine.batchStats().batches() == 0) {
            Thread.onSpinWait();
        }
        waiting.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (waiting.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.WAITING, waiting.getState(), "the second request waits for the busy decoder");
        waiting.interrupt();
        waiting.join();
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        for (TranslationOutput output : busy.get()) {
            assertEquals(longTexts.get(0), output.text());
        }
        assertEquals(0, engine.batchStats().queued(), "nothing left behind in the queue");
        assertEquals("Hello world", engine.translate(List.of("Hello world"), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT).get(0).text());
    }

    private record Call(List<String> texts, String source, String target, TranslationOptions options) {
        TranslationOutput run(NllbTranslationEngine engine) {
            List<TranslationOutput> out = engine.translate(texts, source, target, options);
            assertEquals(1, out.size());
            return out.get(0);
        }
    }

    /** One text per call (so each output is easy to match), random languages, beams 1–2, 0–1 alternatives. */
    private static List<Call> calls(Random random) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int beams = 1 + random.nextInt(2);
            calls.add(new Call(List.of(TEXTS.get(random.nextInt(TEXTS.size())) + " #" + i),
                    LANGUAGES.get(random.nextInt(LANGUAGES.size())), LANGUAGES.get(random.nextInt(LANGUAGES.size())),
                    new TranslationOptions(beams, random.nextInt(beams))));
        }
        return calls;
    }

    private static List<TranslationOutput> runConcurrently(NllbTranslationEngine engine, List<Call> calls)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TranslationOutput>> futures = new ArrayList<>();
            for (Call call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(engine);
                }));
            }
            start.countDown();
            List<TranslationOutput> outputs = new ArrayList<>();
            for (Future<TranslationOutput> future : futures) {
                outputs.add(future.get());
            }
            return outputs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static NllbTranslationEngine engine(ModelSlot<NllbModel> slot, int maxOutputTokens, int batchMaxSize) {
        return new NllbTranslationEngine(slot, EngineConfigs.of(1, maxOutputTokens, 400, 16, batchMaxSize, 8192));
    }
}
