package dev.sema.fleet;

import dev.sema.observability.SemaMetrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Opens the {@link SharedStore} from its {@link SharedStoreConfig} and reports its state as a gauge. */
@ApplicationScoped
public class FleetProducers {

    /** Liberty's default managed scheduled executor (feature concurrent-3.0): runs the store's connect/ping task. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Produces
    @Singleton
    SharedStore sharedStore(SharedStoreConfig config) {
        return SharedStore.open(config, scheduler);
    }

    void closeSharedStore(@Disposes SharedStore store) {
        store.close();
    }

    /** {@code sema_shared_store_up}, only where a Redis URL is set: a single server has nothing to report. */
    void register(@Observes Startup startup, SemaMetrics metrics, SharedStore store) {
        if (store.enabled()) {
            metrics.gaugeSharedStoreUp(() -> store.up() ? 1 : 0);
        }
    }
}
