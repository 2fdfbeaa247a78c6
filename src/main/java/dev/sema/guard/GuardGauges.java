package dev.sema.guard;

import dev.sema.observability.SemaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/**
 * Exposes the guard's live state from start-up on, so a fresh scrape already has it:
 * {@code sema_inference_queue_depth} ({@link InferenceGuard#queueDepth()}; FT's own metrics report the queue only
 * per method and under names outside {@code sema_*}) and {@code sema_rate_limit_clients}
 * ({@link RateLimiter#trackedClients()}, bounded by {@code sema.rate-limit-max-clients}).
 */
@ApplicationScoped
class GuardGauges {

    void register(@Observes Startup startup, SemaMetrics metrics, InferenceGuard guard, RateLimiter limiter) {
        metrics.gaugeInferenceQueue(guard::queueDepth);
        metrics.gaugeInferenceRunning(guard::running);
        metrics.gaugeRateLimitClients(limiter::trackedClients);
    }
}
