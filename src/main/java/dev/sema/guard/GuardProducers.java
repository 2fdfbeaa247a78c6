package dev.sema.guard;

import dev.sema.fleet.SharedStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the guard's plain-Java collaborators from its {@link GuardConfig}. */
@ApplicationScoped
public class GuardProducers {

    /** server.xml's managedThreadFactory: threads with the application's context, owned by the inference pool. */
    @Resource(lookup = "concurrent/sema-inference")
    ManagedThreadFactory inferenceThreads;

    /** The default one: carries the submitting request's class loader and application context to the task. */
    @Resource
    ContextService context;

    @Produces
    @Singleton
    InferencePool inferencePool(GuardConfig config) {
        return new InferencePool(config.inferenceConcurrency(), config.inferenceQueue(), inferenceThreads,
                context::contextualCallable);
    }

    void closeInferencePool(@Disposes InferencePool pool) {
        pool.close();
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(GuardConfig config, SharedStore store) {
        return new RateLimiter(new RateLimits(config.rateLimitPerMinute(), config.rateLimitPerHour()),
                config.rateLimitMaxClients(), System::nanoTime, store);
    }

    @Produces
    @Singleton
    ClientResolver clientResolver(GuardConfig config) {
        return ClientResolver.fromConfig(config.trustedProxies());
    }
}
