package dev.sema.fleet;

import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How this server appears among its replicas; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param replicaName {@code sema.replica-name}: the name the admin view shows for this server; unset, the host
 *                    name and the {@code PORT} (a pod's name in Kubernetes, host:port for replicas on one machine)
 * @param heartbeat   {@code sema.fleet-heartbeat-s}: how often this server writes its state to Redis; the entry
 *                    lives three intervals, so a replica that stopped or died leaves the view within that time
 */
public record FleetConfig(String replicaName, Duration heartbeat) {

    public FleetConfig {
        if (replicaName.isBlank()) {
            throw new IllegalArgumentException("sema.replica-name must not be blank");
        }
        if (heartbeat.toSeconds() < 1) {
            throw new IllegalArgumentException("sema.fleet-heartbeat-s must be at least 1, got "
                    + heartbeat.toSeconds());
        }
    }

    public static FleetConfig from(Config config) {
        String name = config.getOptionalValue("sema.replica-name", String.class).map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElseGet(() -> hostName() + config.getOptionalValue("PORT", String.class).map(p -> ":" + p)
                        .orElse(""));
        return new FleetConfig(name, Duration.ofSeconds(config.getValue("sema.fleet-heartbeat-s", long.class)));
    }

    /** How long a replica's entry outlives its last heartbeat. */
    public Duration entryLifetime() {
        return heartbeat.multipliedBy(3);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
