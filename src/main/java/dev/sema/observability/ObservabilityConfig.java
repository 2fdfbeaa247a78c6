package dev.sema.observability;

import org.eclipse.microprofile.config.Config;

/**
 * What the structured event log may contain; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param logText       {@code sema.log-text} (false): include request texts in the events
 * @param logClientHash {@code sema.log-client-hash} (true): log a hash of the client id (API key or IP) instead of
 *                      the id itself
 */
public record ObservabilityConfig(boolean logText, boolean logClientHash) {

    public static ObservabilityConfig from(Config config) {
        return new ObservabilityConfig(config.getValue("sema.log-text", boolean.class),
                config.getValue("sema.log-client-hash", boolean.class));
    }
}
