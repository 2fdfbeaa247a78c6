package dev.sema.batching;

import dev.sema.generation.Constraint;
import dev.sema.generation.Hypothesis;
import dev.sema.generation.StoppingCriteria;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.EncodedBatch;
import dev.sema.nllb.NllbModel;
import dev.sema.translation.EngineConfig;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.GeneratedModelSlots;
import dev.sema.translation.NllbTranslationEngine;
import dev.sema.translation.SameTranslations;
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many concurrent requests sharing decoder batches must get exactly what each would get alone; a cancelled
 * request stops costing the decoder. Where a test needs requests to meet in a batch, it holds the first batch
 * (a {@link Gate} around the real decoder) until they have queued, instead of racing it.
 */
class DecodeSchedulerTest {

    /** Every wait for another thread ends here with a message saying what it waited for. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int REQUESTS = 200;
    /** Threads of {@link #runConcurrently}: while one holds the first batch, the others queue. */
    private static final int THREADS = 32;
    private static final List<String> TEXTS = List.of("Hello world", "Bonjour", "x y z", "Dit is een zin.",
            "Wie geht es dir heute?", "Короткий текст.", "生活的真谛是 simple", "Line one.\nLine two is longer.",
            "A somewhat longer sentence with several words in it. And a second one!", "42 apples", "Ok.");
    private static final List<String> LANGUAGES = List.of("eng_Latn", "fra_Latn", "deu_Latn", "rus_Cyrl",
            "zho_Hans");

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();
    private static final ModelSlot<NllbModel> echo = MODELS.echo;
    private static final ModelSlot<NllbModel> tiny = MODELS.tiny;

    @Test
    void concurrentMixedRequestsOnTheEchoModelGetTheirOwnTextBack() throws Exception {
        List<Call> calls = calls(new Random(7));
        Gate gate = new Gate();
        DecodeScheduler scheduler = scheduler(16, gate);
        NllbTranslationEngine engine = engine(echo, 512, 16, scheduler);
        List<TranslationOutput> outputs = runConcurrently(engine, scheduler, calls, gate);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(calls.get(i).texts().get(0), outputs.get(i).text(), "request " + i);
        }
        assertTrue(scheduler.stats().mostRequestsInOneBatch() > 1, "requests shared batches: "
                + scheduler.stats());
    }

    @Test
    void concurrentMixedRequestsOnTheTinyModelEqualOneAtATime() throws Exception {
        List<Call> calls = calls(new Random(11));
        NllbTranslationEngine alone = engine(tiny, 9, 1);
        List<TranslationOutput> expected = calls.stream().map(c -> c.run(alone)).toList();

        Gate gate = new Gate();
        DecodeScheduler shared = scheduler(16, gate);
        SameTranslations.assertSame(expected, runConcurrently(engine(tiny, 9, 16, shared), shared, calls, gate));
        assertTrue(shared.stats().mostRequestsInOneBatch() > 1, "requests shared batches: " + shared.stats());

        Gate sequentialGate = new Gate();
        DecodeScheduler sequential = scheduler(1, sequentialGate);
        SameTranslations.assertSame(expected,
                runConcurrently(engine(tiny, 9, 1, sequential), sequential, calls, sequentialGate));
        assertEquals(1, sequential.stats().mostRequestsInOneBatch(), "batch-max-size 1: one request a batch");
    }

    /**
     * Eight clients in a closed loop. However the first round splits them, with the gather wait a batch after one
     * of k requests waits until k have queued again, and takes every queued request, so batches grow until one
     * holds every client. Without the wait the first client back would decode alone while the others wait for
     * it, batch after batch. (The wait is long here, 10 s, so that a loaded machine cannot break the pattern: with
     * 2 s a client answered by one batch, starved of CPU beside other builds, once took longer to send its next
     * request, and the batches alternated 1 and 7. The clients' last batch waits it out, as no more requests
     * come.)
     */
    @Test
    void clientsAnsweredTogetherShareTheirNextBatch() throws Exception {
        EngineConfig config = EngineConfigs.of(1, 512, 400, 16, 16, 8192, 10_000);
        DecodeScheduler scheduler = TestEngines.scheduler(config);
        NllbTranslationEngine engine = TestEngines.uncached(echo, config, scheduler);
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
                loop.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(clients, scheduler.stats().mostRequestsInOneBatch(), "one batch served every client: "
                + scheduler.stats());
    }

    @Test
    void theTokenBoundSplitsBatches() {
        EngineConfig config = EngineConfigs.of(1, 9, 400, 16, 16, 1);
        DecodeScheduler scheduler = TestEngines.scheduler(config);
        NllbTranslationEngine engine = TestEngines.uncached(tiny, config, scheduler);
        List<String> texts = List.of("Hello world", "Bonjour", "x y z");
        List<TranslationOutput> out = engine.translate(texts, "eng_Latn", "deu_Latn", TranslationOptions.DEFAULT);
        assertEquals(engine(tiny, 9, 1).translate(texts, "eng_Latn", "deu_Latn", TranslationOptions.DEFAULT), out);
        assertEquals(3, scheduler.stats().batches(), "each segment alone under a 1-token bound");
    }

    @Test
    void aRequestInterruptedWhileWaitingLeavesTheQueue() throws Exception {
        Gate gate = new Gate();
        DecodeScheduler scheduler = scheduler(16, gate);
        NllbTranslationEngine engine = engine(echo, 512, 16, scheduler);
        List<String> busyTexts = List.of("Busy text");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<TranslationOutput>> busy = pool.submit(() -> engine.translate(busyTexts, "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT));
        pool.shutdown();
        await("the busy request's batch to start", () -> gate.held.getCount() == 0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try {
                engine.translate(List.of("Hello world"), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        waiting.start();
        await("the second request to queue behind the held batch", () -> scheduler.stats().queued() == 1
                && waiting.getState() == Thread.State.WAITING);
        waiting.interrupt();
        waiting.join(DEADLINE.toMillis());
        assertFalse(waiting.isAlive(), "the interrupted request returned");
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        assertEquals(0, scheduler.stats().queued(), "nothing left behind in the queue");
        gate.open.countDown();
        assertEquals(busyTexts.get(0), busy.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).get(0).text());
        assertEquals("Hello world", engine.translate(List.of("Hello world"), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT).get(0).text());
        assertEquals(2, gate.batches.get(), "the interrupted request never reached the decoder");
    }

    /**
     * A request cancelled while its batch decodes: its rows leave at the next decoder step, and its segments
     * still queued (one segment per batch here) never start. Ordinal: one step instead of the hundreds the
     * same text takes uncancelled.
     */
    @Test
    void aCancelledRequestStopsAtTheNextStepAndItsQueuedSegmentsNeverStart() throws Exception {
        // No sentence end: segments of up to 400 pieces, each hundreds of decoder steps.
        String text = IntStream.range(0, 300).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        Gate gate = new Gate();
        EngineConfig config = EngineConfigs.of(1, 512, 400, 1, 16, 8192);
        DecodeScheduler scheduler = new DecodeScheduler(config.batchLimits(), gate);
        NllbTranslationEngine engine = TestEngines.uncached(echo, config, scheduler);
        Cancellation cancellation = new Cancellation();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<TranslationOutput>> cancelled = pool.submit(() -> engine.translate(List.of(text, text),
                "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT, cancellation));
        pool.shutdown();
        await("the first batch to start", () -> gate.held.getCount() == 0);
        int queued = scheduler.stats().queued();
        assertTrue(queued > 0, "the request has segments waiting for later batches");
        cancellation.cancel("timeout");
        gate.open.countDown();
        Throwable failure = assertThrows(ExecutionException.class,
                () -> cancelled.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).getCause();
        assertTrue(failure instanceof CancellationException, String.valueOf(failure));
        assertEquals(1, gate.batches.get(), "none of the " + queued + " queued segments started");
        assertEquals(1, gate.longestRow.get(), "the cancelled rows stopped after the first step");
        assertEquals(0, scheduler.stats().queued());
        try (ModelSlot.Lease<NllbModel> lease = echo.acquire()) {
            assertEquals(0, lease.model().liveTensors(), "the abandoned batch freed its native tensors");
        }

        Gate uncancelled = new Gate();
        uncancelled.open.countDown();
        NllbTranslationEngine reference = TestEngines.uncached(echo, config,
                new DecodeScheduler(config.batchLimits(), uncancelled));
        assertEquals(text, reference.translate(List.of(text), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT)
                .get(0).text());
        assertTrue(uncancelled.longestRow.get() > 10 * gate.longestRow.get(), "uncancelled, the first segment takes "
                + uncancelled.longestRow.get() + " steps");
    }

    /**
     * The real decoder, holding its first batch until the test opens {@link #open}, and recording how many
     * batches ran and the most steps any row ran.
     */
    private static final class Gate implements BatchDecoder {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger longestRow = new AtomicInteger();

        @Override
        public List<List<Hypothesis>> decode(NllbModel model, List<long[]> sources, int[] forcedTargets,
                                             List<List<Constraint>> constraints, DecodeOptions options,
                                             Consumer<EncodedBatch> encoded, StoppingCriteria stop) {
            if (batches.getAndIncrement() == 0) {
                held.countDown();
                try {
                    assertTrue(open.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the test never opened the gate");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted at the gate");
                }
            }
            return BatchDecoder.NLLB.decode(model, sources, forcedTargets, constraints, options, encoded,
                    (sequences, row) -> {
                        longestRow.accumulateAndGet(sequences.length(row), Math::max);
                        return stop.isDone(sequences, row);
                    });
        }
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

    /**
     * Runs the calls on {@value #THREADS} threads; the first batch waits until every other thread's request has
     * queued behind it, so requests with the same options must share the next batch.
     */
    private static List<TranslationOutput> runConcurrently(NllbTranslationEngine engine, DecodeScheduler scheduler,
                                                           List<Call> calls, Gate gate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
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
            await("the first batch to start", () -> gate.held.getCount() == 0);
            // Each call has at most two segments: this many queued segments are at least half the other threads.
            await("the other threads' requests to queue", () -> scheduler.stats().queued() >= THREADS - 1);
            gate.open.countDown();
            List<TranslationOutput> outputs = new ArrayList<>();
            for (Future<TranslationOutput> future : futures) {
                outputs.add(future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            }
            return outputs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The real decoder behind {@code decoder}, under the default bounds but {@code batchMaxSize}. */
    private static DecodeScheduler scheduler(int batchMaxSize, BatchDecoder decoder) {
        return new DecodeScheduler(config(512, batchMaxSize).batchLimits(), decoder);
    }

    private static NllbTranslationEngine engine(ModelSlot<NllbModel> slot, int maxOutputTokens, int batchMaxSize,
                                                DecodeScheduler scheduler) {
        return TestEngines.uncached(slot, config(maxOutputTokens, batchMaxSize), scheduler);
    }

    private static NllbTranslationEngine engine(ModelSlot<NllbModel> slot, int maxOutputTokens, int batchMaxSize) {
        return TestEngines.uncached(slot, config(maxOutputTokens, batchMaxSize));
    }

    private static EngineConfig config(int maxOutputTokens, int batchMaxSize) {
        return EngineConfigs.of(1, maxOutputTokens, 400, 16, batchMaxSize, 8192);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + DEADLINE.toSeconds() + " s for " + what);
            Thread.sleep(1);
        }
    }
}
