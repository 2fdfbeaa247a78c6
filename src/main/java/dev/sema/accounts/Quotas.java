package dev.sema.accounts;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * The life of a reservation around one request, so that recorded usage always equals what was served.
 *
 * <p>If the database is gone when a request ends, the outcome waits in memory and {@link #retryPending()} (run
 * every second) applies it once the database answers: a served request is never lost. If a reservation's commit
 * failed, the database may have applied it anyway; the request is refused and the reservation is queued for
 * release, which is a no-op if it never existed. Reservations of a server that died mid-request are released
 * after {@code reservationTimeout} by {@link #sweep()}.
 */
public final class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class.getName());

    private record Outcome(Reservation reservation, boolean served) {
    }

    private final UsageLedger ledger;
    private final Duration reservationTimeout;
    private final AccountsEvents events;
    private final Queue<Outcome> pending = new ConcurrentLinkedQueue<>();

    public Quotas(UsageLedger ledger, Duration reservationTimeout, AccountsEvents events) {
        this.ledger = ledger;
        this.reservationTimeout = reservationTimeout;
        this.events = events;
    }

    /**
     * @throws QuotaExceededException       when the characters do not fit the key's day or month
     * @throws AccountsUnavailableException when the database cannot be used
     */
    public Reservation reserve(ApiKey key, long characters) {
        try {
            return ledger.reserve(key, characters, lost -> pending.add(new Outcome(lost, false)));
        } catch (QuotaExceededException e) {
            events.quotaExceeded(key.id(), e.period(), e.limit(), characters);
            throw e;
        }
    }

    /** Records how the request ended; never throws: if the database is away, it is recorded when it is back. */
    public void finish(Reservation reservation, boolean served) {
        try {
            ledger.finish(reservation, served);
        } catch (AccountsUnavailableException e) {
            pending.add(new Outcome(reservation, served)); // outcomes are independent: any order is right
        }
    }

    /** Applies waiting outcomes until the database fails again. */
    public void retryPending() {
        int applied = 0;
        for (Outcome next = pending.peek(); next != null; next = pending.peek()) {
            try {
                ledger.finish(next.reservation(), next.served());
            } catch (AccountsUnavailableException e) {
                break;
            }
            pending.remove(next);
            applied++;
        }
        if (applied > 0) {
            LOG.info("accounts database back: recorded " + applied + " request outcomes that waited for it");
        }
    }

    /** Releases reservations older than the timeout (left by a server that stopped mid-request). */
    public void sweep() {
        for (Reservation stale : ledger.stale(reservationTimeout)) {
            if (ledger.finish(stale, false)) {
                LOG.warning("released stale quota reservation of " + stale.keyId() + " (" + stale.characters()
                        + " characters) left by a server that stopped mid-request");
            }
        }
    }

    /** Outcomes waiting for the database (for tests and diagnostics). */
    public int pendingCount() {
        return pending.size();
    }
}
