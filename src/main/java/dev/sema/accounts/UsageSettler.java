package dev.sema.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Records how requests ended off their response path: a finished request only ends its hold (in its
 * {@link Lease}, or by queueing its reservation's {@link Settlement}), and {@link #settle()} (run every
 * {@link #INTERVAL} by the maintenance schedule) collects every lease's next step, then applies the queue in
 * batches of up to {@link #BATCH}, one transaction each ({@link UsageLedger#settle}). The quota stays exact
 * meanwhile: a served request's characters stay reserved until settled, and reserved characters count against the
 * limit.
 *
 * <p>A step leaves the queue only after the transaction that applied it committed, so a database outage only
 * delays it; a commit lost with the connection is applied again, which the ledger makes harmless. Reads of usage
 * {@link #flush()} first, so this server's own served requests are always in what it reports; another server's
 * appear within its next settle. At shutdown {@link #shutdown} applies what is left.
 */
public final class UsageSettler {

    /** How often the queue is settled: at most this late, a served request shows in another server's reports. */
    public static final Duration INTERVAL = Duration.ofMillis(250);
    /** Steps per transaction: many, so a busy key's rows are updated once per batch, but a bounded statement. */
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(UsageSettler.class.getName());
    private static final Duration SHUTDOWN_RETRY = Duration.ofMillis(500);

    private final UsageLedger ledger;
    private final Leases leases;
    private final Queue<Settlement> pending = new ConcurrentLinkedQueue<>();
    /** One settler at a time (the schedule, a read's flush, shutdown): only its holder takes from the queue. */
    private final ReentrantLock settling = new ReentrantLock();
    private volatile boolean closed;

    UsageSettler(UsageLedger ledger, Leases leases) {
        this.ledger = ledger;
        this.leases = leases;
    }

    /** Queues a step; after {@link #shutdown}, when no schedule runs any more, applies it at once. */
    void add(Settlement step) {
        pending.add(step);
        leaseEnded();
    }

    /** A request that took from a lease ended; after {@link #shutdown}, its lease's steps are applied at once. */
    void leaseEnded() {
        if (!closed) {
            return;
        }
        try {
            settle();
        } catch (AccountsUnavailableException e) {
            LOG.warning("a request finished after shutdown while the accounts database was away: its outcome"
                    + " is lost, and its reservation will be released as one of a stopped server");
        }
    }

    /**
     * Collects every lease's next step (retiring idle and old leases), then applies every queued step, batch by batch.
     *
     * @throws AccountsUnavailableException when the database fails; the rest waits for the next run
     */
    public void settle() {
        settling.lock();
        try {
            leases.collect(pending::add, true);
            while (settleBatch(BATCH) > 0) {
                // until the queue is empty
            }
        } finally {
            settling.unlock();
        }
    }

    /**
     * Applies the steps queued before this call, with every lease's served requests so far (not those that arrive
     * meanwhile, so a flush under load ends), so that a read that follows sees every request this server answered.
     *
     * @throws AccountsUnavailableException when the database fails
     */
    public void flush() {
        settling.lock();
        try {
            // under the lock: no one else takes from the queue, so its first `due` entries are the ones queued now
            leases.collect(pending::add, false);
            for (int due = pending.size(); due > 0; ) {
                due -= settleBatch(Math.min(due, BATCH));
            }
        } finally {
            settling.unlock();
        }
    }

    /**
     * Runs {@code work} after a {@link #flush()}, holding off every other settling until it returns: meanwhile no
     * lease gives characters back, so they are either still in a lease or already in the database.
     *
     * @throws AccountsUnavailableException when the database fails
     */
    <T> T whileSettled(Supplier<T> work) {
        settling.lock();
        try {
            flush();
            return work.get();
        } finally {
            settling.unlock();
        }
    }

    /**
     * Retires every lease and applies what is queued, retrying while the database is away for at most
     * {@code grace}; later outcomes are applied as they come. Returns how many steps could not be applied (their
     * reservations are released after {@code sema.accounts-reservation-timeout}, as those of a server that died).
     */
    public int shutdown(Duration grace) {
        closed = true;
        leases.close();
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            try {
                settle();
                return 0;
            } catch (AccountsUnavailableException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !sleep(Math.min(left, SHUTDOWN_RETRY.toNanos()))) {
                    int lost = pending.size();
                    LOG.warning("stopping with " + lost + " settlement steps not recorded: the accounts database"
                            + " did not answer within " + grace.toSeconds() + " s");
                    return lost;
                }
            }
        }
    }

    /** Steps waiting to be applied (for tests and diagnostics). */
    public int pendingCount() {
        return pending.size();
    }

    /** Applies up to {@code max} steps from the head of the queue in one transaction; returns how many. */
    private int settleBatch(int max) {
        List<Settlement> batch = new ArrayList<>(Math.min(max, BATCH));
        for (Iterator<Settlement> it = pending.iterator(); it.hasNext() && batch.size() < max; ) {
            batch.add(it.next());
        }
        if (batch.isEmpty()) {
            return 0;
        }
        ledger.settle(batch);
        batch.forEach(done -> pending.poll()); // the holder of `settling` is the only one taking from the head
        return batch.size();
    }

    /** False if interrupted: the server is being killed, waiting longer is pointless. */
    private static boolean sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
