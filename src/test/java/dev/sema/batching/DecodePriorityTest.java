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
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents never starve people: a person's segment that queues behind a document's many segments goes into the
 * very next batch, and the document's segments fill the rest of it and the batches after.
 */
class DecodePriorityTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();

    @Test
    void interactiveSegmentsGoFirstAndDocumentsFillWhatIsLeft() throws Exception {
        // Batches of two rows, so that the order in which rows are taken shows.
        EngineConfig config = EngineConfigs.of(1, 512, 400, 2, 16, 8192);
        Recorder recorder = new Recorder();
        DecodeScheduler scheduler = new DecodeScheduler(config.batchLimits(), recorder);
        NllbTranslationEngine engine = TestEngines.uncached(MODELS.echo, config, scheduler);
        String document = IntStream.range(0, 6).mapToObj(i -> "Document line " + i + ".")
                .collect(Collectors.joining("\n"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<List<TranslationOutput>> first = pool.submit(() -> engine.translate(List.of("Hold the decoder."),
                    "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT));
            await("the first batch to start", () -> recorder.held.getCount() == 0);
            Future<List<TranslationOutput>> background = pool.submit(() -> engine.translate(List.of(document),
                    "eng_Latn", "fra_Latn", TranslationOptions.BACKGROUND));
            await("the document's six lines to queue", () -> scheduler.stats().queued() == 6);
            Future<List<TranslationOutput>> person = pool.submit(() -> engine.translate(List.of("A person waits."),
                    "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT));
            await("the person's segment to queue behind them", () -> scheduler.stats().queued() == 7);
            recorder.open.countDown();
            assertEquals("Hold the decoder.", first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).get(0).text());
            assertEquals("A person waits.", person.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).get(0).text());
            assertEquals(document, background.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).get(0).text());
        } finally {
            pool.shutdownNow();
        }
        // Batch 2 is the person's row plus the document's first line; then the rest of the document, two by two.
        assertEquals(List.of("I", "IB", "BB", "BB", "B"), recorder.batches);
    }

    /** The real decoder, holding the first batch until the test opens it and noting each batch's rows. */
    private static final class Recorder implements BatchDecoder {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final List<String> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<List<Hypothesis>> decode(NllbModel model, List<long[]> sources, int[] forcedTargets,
                                             List<List<Constraint>> constraints, DecodeOptions options,
                                             Consumer<EncodedBatch> encoded, StoppingCriteria stop) {
            List<List<Hypothesis>> out = BatchDecoder.NLLB.decode(model, sources, forcedTargets, constraints, options,
                    encoded, stop);
            batches.add(rows(model, sources));
            if (held.getCount() > 0) {
                held.countDown();
                try {
                    assertTrue(open.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the test never opened");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return out;
        }

        /** "I" per interactive row and "B" per document row, in the batch's order; the rows' texts tell them apart. */
        private static String rows(NllbModel model, List<long[]> sources) {
            StringBuilder kinds = new StringBuilder();
            for (long[] ids : sources) {
                kinds.append(model.tokenizer().decode(ids).contains("Document") ? 'B' : 'I');
            }
            return kinds.toString();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + DEADLINE.toSeconds() + " s for " + what);
            Thread.sleep(1);
        }
    }
}
