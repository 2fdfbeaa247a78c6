package dev.sema.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/**
 * Exposes {@code sema_models_ready} from start-up on: readiness's models check as a series, so an alert can tell a
 * replica that answers scrapes but serves no translation (loading, or a failed model) from a healthy one; health
 * checks themselves are not metrics.
 */
@ApplicationScoped
class ModelsReadyGauge {

    void register(@Observes Startup startup, SemaMetrics metrics, ModelsOverview overview) {
        metrics.gaugeModelsReady(() -> overview.allReady(overview.statuses()) ? 1 : 0);
    }
}
