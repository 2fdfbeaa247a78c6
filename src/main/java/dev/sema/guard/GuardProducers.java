package dev.sema.guard;

import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the guard's plain-Java collaborators from its {@link GuardConfig}. */
@ApplicationScoped
public class GuardProducers {

    @Produces
    @Singleton
    RateLimiter rateLimiter(GuardConfig config) {
        return new RateLimiter(config.rateLimitPerMinute(), config.rateLimitPerHour(), config.rateLimitMaxClients(),
                TimeMeter.SYSTEM_NANOTIME);
    }

    @Produces
    @Singleton
    ClientResolver clientResolver(GuardConfig config) {
        return ClientResolver.fromConfig(config.trustedProxies());
    }
}
