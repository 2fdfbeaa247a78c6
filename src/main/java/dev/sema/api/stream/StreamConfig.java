package dev.sema.api.stream;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * Settings of {@code /translate/stream}; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param pingInterval {@code sema.stream-ping-ms}: the longest a stream stays silent before a {@code ping} event;
 *                     proxies keep a talking connection open, and a write is how a vanished client is noticed
 */
public record StreamConfig(Duration pingInterval) {

    public static StreamConfig from(Config config) {
        return new StreamConfig(Duration.ofMillis(Math.max(1, config.getValue("sema.stream-ping-ms", long.class))));
    }
}
