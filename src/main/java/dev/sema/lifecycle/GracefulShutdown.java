package dev.sema.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.logging.Logger;

/**
 * Puts a drain in front of the server's stop on SIGTERM (what Docker, Kubernetes and systemd send), see
 * {@link DrainingTermHandler}. Liberty alone stops at once on SIGTERM: its shutdown hook closes the listener
 * while {@code /health/ready} still says UP, so a load balancer that polls it keeps sending requests to a closed
 * port until its next failed checks. JVM shutdown hooks run concurrently and cannot hold Liberty's back, so the
 * drain has to come before the hooks: in the signal handler, which the application may replace
 * ({@code sun.misc.Signal}, module {@code jdk.unsupported}, visible to Liberty applications like any JDK API).
 *
 * <p>The handler is installed while the application runs and the replaced one put back when it stops, so
 * no handler outlives the application's class loader; {@code server stop} does not use signals and is not
 * affected.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final Signal TERM = new Signal("TERM");

    private final ShutdownConfig config;
    private final Drain drain = new Drain();
    /** The JVM's own SIGTERM handler, which the drain hands the signal to; kept after the application stops. */
    private SignalHandler replaced;
    private boolean installed;

    @Inject
    public GracefulShutdown(ShutdownConfig config) {
        this.config = config;
    }

    /** For the CDI client proxy only. */
    protected GracefulShutdown() {
        this.config = null;
    }

    /** True from the first SIGTERM on: the server is about to stop, readiness must say so. */
    public boolean draining() {
        return drain.draining();
    }

    synchronized void install(@Observes Startup startup) {
        if (config.drain().isZero()) {
            return;
        }
        // The replaced handler is only known once this one is in place; the drain asks for it after its wait,
        // through this object's lock, which install holds until it is known.
        SignalHandler previous = Signal.handle(TERM,
                new DrainingTermHandler(drain, config.drain(), signal -> replaced().handle(signal)));
        if (previous == SignalHandler.SIG_DFL || previous == SignalHandler.SIG_IGN) {
            // The JVM handles no SIGTERM (-Xrs) or ignores it: there is no shutdown of its own to drain before.
            Signal.handle(TERM, previous);
            LOG.warning("SIGTERM is not the JVM's to handle here (-Xrs?); sema.shutdown-drain-s has no effect.");
            return;
        }
        replaced = previous;
        installed = true;
        LOG.info(() -> "On SIGTERM readiness goes DOWN " + config.drain().toSeconds()
                + " s before the server stops (sema.shutdown-drain-s).");
    }

    private synchronized SignalHandler replaced() {
        return replaced;
    }

    @PreDestroy
    synchronized void uninstall() {
        if (installed) {
            Signal.handle(TERM, replaced);
            installed = false;
        }
        drain.cutShort(); // a drain in progress has nothing left to wait for once the application is gone
    }
}
