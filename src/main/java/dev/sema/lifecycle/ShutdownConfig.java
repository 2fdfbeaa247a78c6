package dev.sema.lifecycle;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * How the server leaves a load balancer when it is told to stop; the default is in
 * {@code META-INF/microprofile-config.properties}.
 *
 * @param drain {@code sema.shutdown-drain-s}: after SIGTERM, how long readiness is DOWN while the server still
 *              serves, so that load balancers polling {@code /health/ready} stop sending requests before the
 *              listener closes; {@link Duration#ZERO} leaves SIGTERM to the JVM (Liberty stops at once)
 */
public record ShutdownConfig(Duration drain) {

    public ShutdownConfig {
        if (drain.isNegative()) {
            throw new IllegalArgumentException("sema.shutdown-drain-s must be 0 or more, not " + drain.toSeconds());
        }
    }

    public static ShutdownConfig from(Config config) {
        return new ShutdownConfig(Duration.ofSeconds(config.getValue("sema.shutdown-drain-s", long.class)));
    }
}
