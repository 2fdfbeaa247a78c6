package dev.sema.observability;

import dev.sema.lifecycle.GracefulShutdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN from SIGTERM on, while the server still serves: load balancers polling {@code /health/ready} take it out
 * of rotation before it stops (see {@link GracefulShutdown}). Liveness stays UP, so nothing restarts a server
 * that is stopping anyway.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

    @Inject
    GracefulShutdown shutdown;

    @Override
    public HealthCheckResponse call() {
        boolean draining = shutdown.draining();
        return HealthCheckResponse.named("shutdown").status(!draining)
                .withData("state", draining ? "draining" : "serving").build();
    }
}
