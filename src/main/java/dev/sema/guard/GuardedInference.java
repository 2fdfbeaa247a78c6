package dev.sema.guard;

import dev.sema.observability.SemaMetrics;
import dev.sema.translation.TranslationEngine;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * How the translation service reaches the engine: translation runs under the {@link InferenceGuard}, and every
 * successful call is counted in the {@code sema_*} metrics (failures are counted per request by the metrics
 * filter instead, under their error code).
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
     * call's time, since the engine translates them together.
     */
    public List<TranslationOutput> translate(TranslationEngine engine, List<String> texts, String source,
                                             String target, TranslationOptions options) {
        long start = System.nanoTime();
        List<TranslationOutput> outputs = guard.run(() -> engine.translate(texts, source, target, options));
        Duration share = Duration.ofNanos((System.nanoTime() - start) / Math.max(1, texts.size()));
        for (String text : texts) {
            metrics.recordTranslation(source, target, text.codePointCount(0, text.length()), share);
        }
        return outputs;
    }
}
