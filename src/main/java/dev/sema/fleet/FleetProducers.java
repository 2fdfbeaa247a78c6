package dev.sema.fleet;

import dev.sema.models.ModelLoaded;
import dev.sema.models.ModelRegistry;
import dev.sema.observability.SemaMetrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Opens the {@link SharedStore} from its {@link SharedStoreConfig} and reports its state as a gauge; builds this
 * server's {@link Fleet} membership, starts it with the application and keeps its entry current after each model
 * load.
 */
@ApplicationScoped
public class FleetProducers {

    /** Liberty's default managed scheduled executor (feature concurrent-3.0): runs the store's connect/ping task. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** Gives Lettuce's I/O thread, which delivers reload orders, the application's context (class loader, JNDI). */
    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contextService;

    @Produces
    @Singleton
    SharedStore sharedStore(SharedStoreConfig config) {
        return SharedStore.open(config, scheduler);
    }

    /** This server leaves the fleet view first (through the store), then the store closes. */
    void closeSharedStore(@Disposes SharedStore store, Fleet fleet) {
        fleet.close();
        store.close();
    }

    @Produces
    @Singleton
    Fleet fleet(SharedStore store, FleetConfig config, ModelRegistry registry) {
        return new Fleet(store, config, registry, scheduler, contextService::contextualConsumer);
    }

    void startFleet(@Observes Startup startup, Fleet fleet) {
        fleet.start();
    }

    /** Shows a new model in the fleet view at once instead of at the next heartbeat. */
    void announceModel(@Observes ModelLoaded loaded, Fleet fleet) {
        fleet.beat();
    }

    /** {@code sema_shared_store_up}, only where a Redis URL is set: a single server has nothing to report. */
    void register(@Observes Startup startup, SemaMetrics metrics, SharedStore store) {
        if (store.enabled()) {
            metrics.gaugeSharedStoreUp(() -> store.up() ? 1 : 0);
        }
    }
}
