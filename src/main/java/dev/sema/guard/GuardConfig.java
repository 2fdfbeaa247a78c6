package dev.sema.guard;

import org.eclipse.microprofile.config.Config;

/**
 * Settings of the per-client rate limits; defaults in {@code META-INF/microprofile-config.properties}. (The
 * inference bulkhead is configured through MicroProfile Fault Tolerance's own keys, mapped there too.)
 *
 * @param rateLimitPerMinute  {@code sema.rate-limit-per-minute}: requests per client per minute, 0 = off
 * @param rateLimitPerHour    {@code sema.rate-limit-per-hour}: requests per client per hour, 0 = off
 * @param rateLimitMaxClients {@code sema.rate-limit-max-clients}: clients tracked at once (least recently seen
 *                            dropped first), bounding the limiter's memory
 * @param trustedProxies      {@code sema.trusted-proxies}: comma-separated IPs/CIDRs whose forwarding headers name
 *                            the client; empty = none
 */
public record GuardConfig(long rateLimitPerMinute, long rateLimitPerHour, long rateLimitMaxClients,
                          String trustedProxies) {

    public static GuardConfig from(Config config) {
        return new GuardConfig(config.getValue("sema.rate-limit-per-minute", long.class),
                config.getValue("sema.rate-limit-per-hour", long.class),
                config.getValue("sema.rate-limit-max-clients", long.class),
                config.getOptionalValue("sema.trusted-proxies", String.class).orElse(""));
    }
}
