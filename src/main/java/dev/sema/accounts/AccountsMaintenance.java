package dev.sema.accounts;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Migrates the accounts database at start-up, then every second records request outcomes that waited for the
 * database and every minute releases reservations of servers that stopped mid-request. Nothing runs when
 * {@code SEMA_API_KEYS=off}.
 */
@ApplicationScoped
public class AccountsMaintenance {

    private static final Logger LOG = Logger.getLogger(AccountsMaintenance.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    AccountsConfig config;
    @Inject
    AccountsDatabase database;
    @Inject
    Quotas quotas;

    private List<ScheduledFuture<?>> tasks = List.of();

    void start(@Observes Startup startup) {
        if (!config.enabled()) {
            return;
        }
        database.migrate();
        tasks = List.of(
                scheduler.scheduleWithFixedDelay(() -> quietly(quotas::retryPending), 1, 1, TimeUnit.SECONDS),
                scheduler.scheduleWithFixedDelay(() -> quietly(quotas::sweep), 10, 60, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
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
