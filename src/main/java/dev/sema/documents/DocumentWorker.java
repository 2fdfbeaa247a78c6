package dev.sema.documents;

import dev.sema.accounts.AccountsDatabase;
import dev.sema.accounts.UsageLedger;
import dev.sema.fleet.FleetConfig;
import dev.sema.observability.SemaMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This replica's share of the document queue, on Liberty's managed scheduled executor: {@code sema.document-workers}
 * pollers, each claiming the oldest free job and working it to its end before looking again, so jobs queued before
 * a restart (or left by a replica that died) are picked up by whichever replica polls first. Once a minute it also
 * keeps the quota reservations of live documents from being swept as abandoned, and deletes documents past
 * {@code sema.document-retention} (releasing what they hold).
 */
@ApplicationScoped
public class DocumentWorker {

    private static final Logger LOG = Logger.getLogger(DocumentWorker.class.getName());
    private static final long MAINTENANCE_S = 60;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    DocumentsConfig config;
    @Inject
    AccountsDatabase database;
    @Inject
    JobQueue queue;
    @Inject
    DocumentStore store;
    @Inject
    JobRunner runner;
    @Inject
    UsageLedger ledger;
    @Inject
    SemaMetrics metrics;

    @Inject
    FleetConfig fleet;

    /**
     * This replica as a lease owner: its fleet name (so operators see who works a job) and an id unique per start,
     * so a restarted server never owns its past leases.
     */
    private String owner;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    /** Pollers working now: at most {@code sema.document-workers}, however they were started. */
    private final AtomicInteger working = new AtomicInteger();
    private volatile boolean stopping;

    void start(@Observes Startup startup) {
        owner = fleet.replicaName() + " " + UUID.randomUUID();
        database.migrate();
        metrics.gaugeDocumentQueue(() -> quietly(() -> store.countInFlight(null, true), -1));
        long poll = config.pollInterval().toMillis();
        for (int i = 0; i < config.workers(); i++) {
            tasks.add(scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS));
        }
        tasks.add(scheduler.scheduleWithFixedDelay(this::maintain, 5, MAINTENANCE_S, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        tasks.forEach(task -> task.cancel(false));
    }

    /** A document uploaded here starts at once if a worker is idle, instead of at the next poll. */
    void queued(@Observes DocumentQueued event) {
        if (!stopping && owner != null && config.workers() > 0) {
            scheduler.execute(this::poll);
        }
    }

    /** Works jobs until none is free, unless every worker is busy; the next poll looks again. */
    private void poll() {
        if (working.incrementAndGet() > config.workers()) {
            working.decrementAndGet();
            return;
        }
        try {
            while (!stopping) {
                var claim = queue.claim(owner);
                if (claim.isEmpty()) {
                    return;
                }
                runner.run(claim.get(), owner);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "document worker: " + e.getMessage());
        } finally {
            working.decrementAndGet();
        }
    }

    private void maintain() {
        try {
            ledger.keepAlive(store.liveReservations());
            for (StoredDocument d : store.uploadedBefore(OffsetDateTime.now().minus(config.retention()))) {
                if (store.delete(d.id()) && d.reservation() != null) {
                    ledger.settleAlone(d.reservation(), 0);
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("document maintenance: " + e.getMessage());
        }
    }

    private static int quietly(java.util.function.IntSupplier read, int otherwise) {
        try {
            return read.getAsInt();
        } catch (RuntimeException e) {
            return otherwise;
        }
    }
}
