package dev.sema.idempotency;

import dev.sema.fleet.SharedStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Opens the {@link IdempotencyRecords} over the replicas' shared store, renewing claims on Liberty's scheduler. */
@ApplicationScoped
public class IdempotencyProducers {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Produces
    @Singleton
    IdempotencyRecords records(IdempotencyConfig config, SharedStore store) {
        return IdempotencyRecords.open(config, store, scheduler);
    }

    void close(@Disposes IdempotencyRecords records) {
        records.close();
    }
}
