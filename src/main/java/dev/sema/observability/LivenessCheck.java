package dev.sema.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application answers; a missing or broken model is a readiness problem, and restarting
 * the JVM would not fix it.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Inject
    ModelsOverview overview;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("server").up().withData("uptime_seconds", (long) overview.uptimeSeconds())
                .build();
    }
}
