package dev.sema.guard;

import dev.sema.api.error.RequestChecks;
import dev.sema.detection.Detection;
import dev.sema.detection.LanguageDetector;
import dev.sema.observability.SemaMetrics;
import dev.sema.translation.Cancellation;
import dev.sema.translation.TranslationEngine;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * The one way services reach the models: translation runs under the {@link InferenceGuard}, and every
 * successful call is counted in the {@code sema_*} metrics (failures are counted per request by the metrics
 * filter instead, under their error code).
 *
 * <p>Detection is deliberately not guarded: fastText answers in microseconds, so queueing it behind the
 * translation bulkhead (and hopping to a worker thread) would cost more than the work, and an overloaded
 * translator should not make {@code /detect-language} fail.
 */
@ApplicationScoped
public class GuardedInference {

    private final InferenceGuard guard;
    private final SemaMetrics metrics;

    @Inject
    public GuardedInference(InferenceGuard guard, SemaMetrics metrics) {
        this.guard = guard;
        this.metrics = metrics;
    }

    /** For CDI's client proxy only. */
    protected GuardedInference() {
        this(null, null);
    }

    /**
     * {@link TranslationEngine#translate} under the bulkhead; each text is recorded with an equal share of the
     * call's time, since the engine translates them together. A translation the guard abandoned is counted in
     * {@code sema_inference_cancelled_total} under the reason.
     */
    public List<TranslationOutput> translate(TranslationEngine engine, List<String> texts, String source,
                                             String target, TranslationOptions options) {
        long start = System.nanoTime();
        Cancellation cancellation = new Cancellation();
        List<TranslationOutput> outputs;
        try {
            outputs = guard.run(cancellation, () -> engine.translate(texts, source, target, options, cancellation));
        } finally {
            cancellation.reason().ifPresent(metrics::recordInferenceCancelled);
        }
        Duration share = Duration.ofNanos((System.nanoTime() - start) / Math.max(1, texts.size()));
        for (String text : texts) {
            metrics.recordTranslation(source, target, RequestChecks.codePoints(text), share);
        }
        return outputs;
    }

    /** {@link LanguageDetector#detect}, recorded under the best candidate ({@code other} when there is none). */
    public Detection detect(LanguageDetector detector, String text, int topK) {
        long start = System.nanoTime();
        Detection detection = detector.detect(text, topK);
        Detection.Candidate best = detection.best();
        metrics.recordDetection(best == null ? null : best.language(), Duration.ofNanos(System.nanoTime() - start));
        return detection;
    }
}
