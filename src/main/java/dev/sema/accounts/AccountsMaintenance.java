package dev.sema.accounts;

import dev.sema.observability.SemaMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Migrates the accounts database at start-up and reports {@code sema_quota_characters_ahead}, then records finished
 * requests' outcomes every {@link UsageSettler#INTERVAL} and releases reservations of servers that stopped
 * mid-request every minute, and deletes audit rows older than {@code sema.audit-retention} every hour; at
 * shutdown, records the outcomes still queued. Nothing runs when
 * {@code SEMA_API_KEYS=off}.
 */
@ApplicationScoped
public class AccountsMaintenance {

    private static final Logger LOG = Logger.getLogger(AccountsMaintenance.class.getName());
    /** How long shutdown waits for an absent database to record the last outcomes: bounded, the stop must end. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    AccountsConfig config;
    @Inject
    AccountsDatabase database;
    @Inject
    Quotas quotas;
    @Inject
    UsageSettler settler;
    @Inject
    Leases leases;
    @Inject
    AuditTrail audit;
    @Inject
    SemaMetrics metrics;

    private List<ScheduledFuture<?>> tasks = List.of();

    void start(@Observes Startup startup) {
        if (!config.enabled()) {
            return;
        }
        database.migrate();
        metrics.gaugeQuotaCharactersAhead(leases::charactersAhead);
        tasks = List.of(
                scheduler.scheduleWithFixedDelay(() -> quietly(settler::settle), UsageSettler.INTERVAL.toMillis(),
                        UsageSettler.INTERVAL.toMillis(), TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(() -> quietly(quotas::sweep), 10, 60, TimeUnit.SECONDS),
                scheduler.scheduleWithFixedDelay(() -> quietly(this::sweepAudit), 30, 3600, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
        if (config.enabled()) {
            settler.shutdown(SHUTDOWN_GRACE);
        }
    }

    private void sweepAudit() {
        if (!config.auditRetention().isZero()) {
            int deleted = audit.sweep(config.auditRetention());
            if (deleted > 0) {
                LOG.info("deleted " + deleted + " audit rows older than " + config.auditRetention().toDays() + " days");
            }
        }
    }

    /** A failed run must not end the schedule (a throwing task is never run again). */
    private static void quietly(Runnable task) {
        try {
            task.run();
        } catch (AccountsUnavailableException e) {
            // logged by AccountsDatabase; the next run tries again
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "accounts maintenance failed", e);
        }
    }
}
