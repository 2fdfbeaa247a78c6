package dev.sema.guard;

import dev.sema.observability.SemaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/**
 * Exposes {@link InferenceGuard#queueDepth()} as {@code sema_inference_queue_depth} from start-up on, so a fresh
 * scrape already has it; FT's own metrics report the queue only per method and under names outside
 * {@code sema_*}.
 */
@ApplicationScoped
class InferenceQueueGauge {

    void register(@Observes Startup startup, SemaMetrics metrics, InferenceGuard guard) {
        metrics.gaugeInferenceQueue(guard::queueDepth);
    }
}
