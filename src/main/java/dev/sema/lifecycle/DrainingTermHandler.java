package dev.sema.lifecycle;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * SIGTERM with a drain in front: the first signal begins the {@link Drain} (readiness DOWN, everything still
 * served), waits for the drain period and then hands the signal to the handler it replaced, the JVM's own, which
 * exits through the shutdown hooks: Liberty's stops the server, whose quiesce closes the listener and lets the
 * requests in flight finish. A further SIGTERM cuts the drain short instead of waiting behind it.
 *
 * <p>The JVM runs each signal's handler on a new thread, so the first signal's thread can wait for the drain
 * while the next one is delivered.
 */
final class DrainingTermHandler implements SignalHandler {

    private static final Logger LOG = Logger.getLogger(DrainingTermHandler.class.getName());

    private final Drain drain;
    private final Duration period;
    private final SignalHandler jvmHandler;

    /** @param jvmHandler what ran on SIGTERM before, called once the drain is over */
    DrainingTermHandler(Drain drain, Duration period, SignalHandler jvmHandler) {
        this.drain = drain;
        this.period = period;
        this.jvmHandler = jvmHandler;
    }

    @Override
    public void handle(Signal signal) {
        if (!drain.begin()) {
            LOG.info(() -> "SIG" + signal.getName() + " again: the drain ends now and the server stops.");
            drain.cutShort();
            return;
        }
        LOG.info(() -> "SIG" + signal.getName() + ": readiness is DOWN; requests are still served for "
                + period.toSeconds() + " s so that load balancers stop sending them, then the server stops.");
        drain.await(period);
        LOG.info("The drain is over: the server stops (requests in flight may finish).");
        jvmHandler.handle(signal);
    }
}
