package dev.sema.observability;

import dev.sema.models.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/** Ready when every model is loaded: until then load balancers should send no traffic (503 on /health/ready). */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    @Inject
    ModelsOverview overview;

    @Override
    public HealthCheckResponse call() {
        List<ModelStatus> statuses = overview.statuses();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("models").status(overview.allReady(statuses));
        statuses.forEach(s -> response.withData(s.name(),
                s.state() + (s.ready() || s.detail() == null ? "" : ": " + s.detail())));
        return response.build();
    }
}
