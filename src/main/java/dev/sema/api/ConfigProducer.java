package dev.sema.api;

import dev.sema.api.stream.StreamConfig;
import dev.sema.detection.DetectionConfig;
import dev.sema.documents.DocumentsConfig;
import dev.sema.documents.office.ZipLimits;
import dev.sema.fleet.FleetConfig;
import dev.sema.fleet.SharedStoreConfig;
import dev.sema.guard.GuardConfig;
import dev.sema.idempotency.IdempotencyConfig;
import dev.sema.identity.TokenConfig;
import dev.sema.identity.TokenPlans;
import dev.sema.lifecycle.ShutdownConfig;
import dev.sema.observability.ObservabilityConfig;
import dev.sema.signatures.SignatureConfig;
import dev.sema.translation.EngineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The one place where MicroProfile Config becomes typed settings: each package owns an immutable config record
 * that knows its keys ({@code from(Config)}), and this producer makes each one a bean, read once at start-up.
 * Every default lives in {@code META-INF/microprofile-config.properties}, none in code. (Model locations are
 * the exception: {@code models} re-reads them at each reload, see {@code ModelsConfig}.)
 */
@ApplicationScoped
public class ConfigProducer {

    private final Config config;

    @Inject
    public ConfigProducer(Config config) {
        this.config = config;
    }

    /** For the CDI client proxy only. */
    protected ConfigProducer() {
        this(null);
    }

    @Produces
    @Singleton
    ApiConfig api() {
        return ApiConfig.from(config);
    }

    @Produces
    @Singleton
    DocumentsConfig documents() {
        return DocumentsConfig.from(config);
    }

    @Produces
    @Singleton
    StreamConfig stream() {
        return StreamConfig.from(config);
    }

    @Produces
    @Singleton
    GuardConfig guard() {
        return GuardConfig.from(config);
    }

    @Produces
    @Singleton
    DetectionConfig detection() {
        return DetectionConfig.from(config);
    }

    @Produces
    @Singleton
    EngineConfig engine() {
        return EngineConfig.from(config);
    }

    @Produces
    @Singleton
    ObservabilityConfig observability() {
        return ObservabilityConfig.from(config);
    }

    @Produces
    @Singleton
    ShutdownConfig shutdown() {
        return ShutdownConfig.from(config);
    }

    @Produces
    @Singleton
    SharedStoreConfig sharedStore() {
        return SharedStoreConfig.from(config);
    }

    @Produces
    @Singleton
    IdempotencyConfig idempotency() {
        return IdempotencyConfig.from(config);
    }

    @Produces
    @Singleton
    SignatureConfig signatures() {
        return SignatureConfig.from(config);
    }

    @Produces
    @Singleton
    TokenPlans tokenPlans() {
        return TokenPlans.from(config);
    }

    @Produces
    @Singleton
    TokenConfig tokens() {
        return TokenConfig.from(config);
    }

    @Produces
    @Singleton
    FleetConfig fleet() {
        return FleetConfig.from(config);
    }

    @Produces
    @Singleton
    ZipLimits documentZipLimits() {
        return ZipLimits.from(config);
    }
}
