package dev.sema.guard;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * Settings of the per-client rate limits and of the inference bulkhead; defaults in
 * {@code META-INF/microprofile-config.properties}.
 *
 * @param rateLimitPerMinute  {@code sema.rate-limit-per-minute}: requests per client in any 60 s, 0 = off
 * @param rateLimitPerHour    {@code sema.rate-limit-per-hour}: requests per client in any hour, 0 = off
 * @param rateLimitMaxClients {@code sema.rate-limit-max-clients}: clients whose windows are kept in memory at once
 *                            (least recently seen dropped first), bounding the limiter's memory
 * @param trustedProxies      {@code sema.trusted-proxies}: comma-separated IPs/CIDRs whose forwarding headers name
 *                            the client; empty = none
 * @param inferenceConcurrency {@code sema.inference-concurrency}: inferences running at once
 * @param inferenceQueue       {@code sema.inference-queue}: inferences allowed to wait for a slot
 * @param inferenceTimeout     {@code sema.inference-timeout} (seconds): longest call, waiting included
 */
public record GuardConfig(long rateLimitPerMinute, long rateLimitPerHour, long rateLimitMaxClients,
                          String trustedProxies, int inferenceConcurrency, int inferenceQueue,
                          Duration inferenceTimeout) {

    public static GuardConfig from(Config config) {
        return new GuardConfig(config.getValue("sema.rate-limit-per-minute", long.class),
                config.getValue("sema.rate-limit-per-hour", long.class),
                config.getValue("sema.rate-limit-max-clients", long.class),
                config.getOptionalValue("sema.trusted-proxies", String.class).orElse(""),
                config.getValue("sema.inference-concurrency", int.class),
                config.getValue("sema.inference-queue", int.class),
                Duration.ofSeconds(config.getValue("sema.inference-timeout", long.class)));
    }
}
