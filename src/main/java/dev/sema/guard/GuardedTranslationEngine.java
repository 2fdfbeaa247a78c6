package dev.sema.guard;

import dev.sema.batching.Cancellation;
import dev.sema.models.ModelStatus;
import dev.sema.observability.SemaMetrics;
import dev.sema.translation.NllbTranslationEngine;
import dev.sema.translation.SegmentListener;
import dev.sema.translation.SegmentedText;
import dev.sema.translation.TranslationEngine;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * The translation engine every caller gets from CDI: the NLLB engine with each call run under the
 * {@link InferenceGuard} (bulkhead, queue and timeout), and each successful one counted in the {@code sema_*}
 * metrics (failures are counted per request by the metrics filter instead, under their error code).
 *
 * <p>The NLLB engine is injectable only as itself ({@code @Typed}), so this is the one {@link TranslationEngine}
 * bean and {@code translation} never depends on the guard. A plain wrapper rather than a CDI {@code @Decorator}:
 * the guard calls the engine on its own inference threads, and a decorator's delegate called from another thread
 * re-enters the decorator chain.
 */
@ApplicationScoped
public class GuardedTranslationEngine implements TranslationEngine {

    private final NllbTranslationEngine engine;
    private final InferenceGuard guard;
    private final SemaMetrics metrics;

    @Inject
    public GuardedTranslationEngine(NllbTranslationEngine engine, InferenceGuard guard, SemaMetrics metrics) {
        this.engine = engine;
        this.guard = guard;
        this.metrics = metrics;
    }

    /** For the CDI client proxy only. */
    protected GuardedTranslationEngine() {
        this(null, null, null);
    }

    @Override
    public ModelStatus status() {
        return engine.status();
    }

    /**
     * {@link TranslationEngine#translate} under the bulkhead; each text is recorded with an equal share of the
     * call's time, since the engine translates them together. A translation the guard abandoned is counted in
     * {@code sema_inference_cancelled_total} under the reason.
     */
    @Override
    public List<TranslationOutput> translate(List<String> texts, String source, String target,
                                             TranslationOptions options, Cancellation cancellation) {
        long start = System.nanoTime();
        List<TranslationOutput> outputs;
        try {
            outputs = guard.run(cancellation, () -> engine.translate(texts, source, target, options, cancellation));
        } finally {
            cancellation.reason().ifPresent(metrics::recordInferenceCancelled);
        }
        metrics.recordTranslationBatch(texts.size());
        Duration share = Duration.ofNanos((System.nanoTime() - start) / Math.max(1, texts.size()));
        for (String text : texts) {
            metrics.recordTranslation(source, target, text.codePointCount(0, text.length()), share);
        }
        return outputs;
    }

    /** Segmenting needs no inference slot: it runs on the caller's thread. */
    @Override
    public SegmentedText segment(String text, String source, String target) {
        return engine.segment(text, source, target);
    }

    /**
     * {@link TranslationEngine#stream} under the bulkhead, the caller's thread waiting in the listener's
     * {@link SegmentListener#await}; a stream that ran to its end is counted like a translation, one the listener or
     * the guard abandoned in {@code sema_inference_cancelled_total} under the reason.
     */
    @Override
    public void stream(SegmentedText text, String source, String target, TranslationOptions options,
                       Cancellation cancellation, SegmentListener listener) {
        long start = System.nanoTime();
        try {
            guard.run(cancellation, () -> {
                try {
                    listener.admitted();
                    engine.stream(text, source, target, options, cancellation, listener);
                    return null;
                } finally {
                    listener.finished();
                }
            }, (task, nanos) -> {
                if (!listener.await(nanos)) {
                    cancellation.cancel("client_gone");
                }
            });
        } finally {
            cancellation.reason().ifPresent(metrics::recordInferenceCancelled);
        }
        String original = text.original();
        metrics.recordTranslation(source, target, original.codePointCount(0, original.length()),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
