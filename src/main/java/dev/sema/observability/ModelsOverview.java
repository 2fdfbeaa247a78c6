package dev.sema.observability;

import dev.sema.models.ManagedModel;
import dev.sema.models.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of every model bean, discovered through CDI, for health checks and the status endpoints: the
 * translation engine and the language detector, each reporting its {@link dev.sema.models.ModelRegistry} slot.
 */
@ApplicationScoped
public class ModelsOverview {

    private final Instance<ManagedModel> models;

    @Inject
    public ModelsOverview(Instance<ManagedModel> models) {
        this.models = models;
    }

    /** For the CDI client proxy only. */
    protected ModelsOverview() {
        this(null);
    }

    /** Every model's status. */
    public List<ModelStatus> statuses() {
        List<ModelStatus> all = new ArrayList<>();
        models.forEach(m -> all.add(m.status()));
        return all;
    }

    /** True when every model is ready (and there is at least one). */
    public boolean allReady(List<ModelStatus> statuses) {
        return !statuses.isEmpty() && statuses.stream().allMatch(ModelStatus::ready);
    }

    /** Seconds since the JVM started. */
    public double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }
}
