package dev.sema.guard;

import io.github.bucket4j.TimeMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Builds the guard's plain-Java collaborators from MicroProfile Config; defaults match the original API. */
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
    InferencePool inferencePool(@ConfigProperty(name = "sema.inference-concurrency") int concurrency,
                                @ConfigProperty(name = "sema.inference-queue") int queue) {
        return new InferencePool(concurrency, queue, inferenceThreads, context::contextualCallable);
    }

    void closeInferencePool(@Disposes InferencePool pool) {
        pool.close();
    }

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
