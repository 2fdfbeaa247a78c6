package dev.sema.guard;

import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Builds the guard's plain-Java collaborators from MicroProfile Config; defaults match the original API. */
@ApplicationScoped
public class GuardProducers {

    @Produces
    @Singleton
    RateLimiter rateLimiter(
            @ConfigProperty(name = "sema.rate-limit-per-minute", defaultValue = "60") long perMinute,
            @ConfigProperty(name = "sema.rate-limit-per-hour", defaultValue = "1000") long perHour,
            @ConfigProperty(name = "sema.rate-limit-max-clients", defaultValue = "100000") long maxClients) {
        return new RateLimiter(perMinute, perHour, maxClients, TimeMeter.SYSTEM_NANOTIME);
    }

    @Produces
    @Singleton
    ClientResolver clientResolver(
            @ConfigProperty(name = "sema.trusted-proxies") Optional<String> trustedProxies) {
        return ClientResolver.fromConfig(trustedProxies.orElse(""));
    }
}
