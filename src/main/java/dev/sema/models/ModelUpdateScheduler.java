package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link ModelUpdateCheck} every {@code sema.model-update-interval} on the container's managed scheduled
 * executor (so the check runs with the application's context and stops with it). Off by default: a server
 * should not change its model unasked unless its operator wants to follow a branch.
 */
@ApplicationScoped
public class ModelUpdateScheduler {

    private static final Logger LOG = Logger.getLogger(ModelUpdateScheduler.class.getName());

    /** What the last check found, for the admin endpoint. */
    public record LastCheck(OffsetDateTime at, List<String> outcome) {
    }

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;
    private final ModelRegistry registry;
    private final Config config;
    private volatile Duration interval = Duration.ZERO;
    private volatile String problem;
    private volatile LastCheck last;
    private volatile ScheduledFuture<?> task;

    @Inject
    public ModelUpdateScheduler(ModelRegistry registry, Config config) {
        this.registry = registry;
        this.config = config;
    }

    /** For the CDI client proxy only. */
    protected ModelUpdateScheduler() {
        this(null, null);
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            interval = UpdateInterval.parse(ConfigLookup.microProfile(config).get(UpdateInterval.KEY).orElse(""));
        } catch (IllegalArgumentException e) {
            // A typo in an optional feature must not stop the server; it is logged and shown by the admin API.
            problem = e.getMessage();
            LOG.severe(problem + "; the periodic model update check is off.");
            return;
        }
        if (!interval.isZero()) {
            long ms = interval.toMillis();
            task = scheduler.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
            LOG.info(() -> "Checking the Hub for model updates every " + interval);
        }
    }

    /** The interval in seconds, 0 when the check is off. */
    public long intervalSeconds() {
        return interval.toSeconds();
    }

    /** Why the check is off despite being configured, if it is. */
    public String problem() {
        return problem;
    }

    public LastCheck lastCheck() {
        return last;
    }

    private void check() {
        try {
            List<String> outcome = new ModelUpdateCheck(registry, ConfigLookup.microProfile(config)).run();
            last = new LastCheck(OffsetDateTime.now(), outcome);
        } catch (RuntimeException e) {
            // An exception would cancel the schedule; the next tick may well succeed.
            LOG.log(Level.WARNING, "The model update check failed: " + e.getMessage(), e);
            last = new LastCheck(OffsetDateTime.now(), List.of("failed: " + e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> scheduled = task;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
