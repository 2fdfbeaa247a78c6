package dev.sema.observability;

import dev.sema.models.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once no model is still loading (loaded, failed or not configured all count): Kubernetes then
 * switches to the liveness probe instead of killing a server that is busy reading gigabytes of weights.
 */
@Startup
@ApplicationScoped
public class ModelsStartupCheck implements HealthCheck {

    @Inject
    ModelsOverview overview;

    @Override
    public HealthCheckResponse call() {
        long loading = overview.statuses().stream().filter(s -> s.state() == ModelStatus.State.LOADING).count();
        return HealthCheckResponse.named("models-started").status(loading == 0).withData("loading", loading).build();
    }
}
