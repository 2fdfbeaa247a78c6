package dev.sema.observability;

import dev.sema.models.ModelLoaded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Records every {@link ModelLoaded} event in the metrics and the structured event log. */
@ApplicationScoped
public class ModelLoadRecorder {

    private final SemaMetrics metrics;
    private final EventLog events;

    @Inject
    public ModelLoadRecorder(SemaMetrics metrics, EventLog events) {
        this.metrics = metrics;
        this.events = events;
    }

    /** For CDI's client proxy only. */
    protected ModelLoadRecorder() {
        this(null, null);
    }

    void onModelLoaded(@Observes ModelLoaded loaded) {
        metrics.recordModelLoad(loaded.model(), loaded.loadTime());
        events.modelLoaded(loaded.model(), loaded.location(), loaded.loadTime());
    }
}
