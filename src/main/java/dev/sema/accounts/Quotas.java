package dev.sema.accounts;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The life of a reservation around one request, so that recorded usage always equals what was served.
 *
 * <p>A served request's outcome is queued and recorded by the {@link UsageSettler} in a batch, off the response
 * path; its characters stay reserved meanwhile, so quotas stay exact. A failed request releases its characters at
 * once, so they are free for the key's next request (failures are rare; if the database is away, the release is
 * queued as well). If a reservation's commit failed, the database may have applied it anyway; the request is
 * refused and the reservation is queued for release, which is a no-op if it never existed. Reservations of a server
 * that died mid-request are released after {@code reservationTimeout} by {@link #sweep()}.
 */
public final class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class.getName());

    private final UsageLedger ledger;
    private final UsageSettler settler;
    private final Duration reservationTimeout;
    private final AccountsEvents events;

    public Quotas(UsageLedger ledger, UsageSettler settler, Duration reservationTimeout, AccountsEvents events) {
        this.ledger = ledger;
        this.settler = settler;
        this.reservationTimeout = reservationTimeout;
        this.events = events;
    }

    /**
     * @throws QuotaExceededException       when the characters do not fit the key's day or month
     * @throws AccountsUnavailableException when the database cannot be used
     */
    public Reservation reserve(ApiKey key, long characters) {
        try {
            return ledger.reserve(key, characters, lost -> settler.add(new Outcome(lost, false)));
        } catch (QuotaExceededException e) {
            events.quotaExceeded(key.id(), e.period(), e.limit(), characters);
            throw e;
        }
    }

    /** Records how the request ended; never throws: if the database is away, it is recorded when it is back. */
    public void finish(Reservation reservation, boolean served) {
        Outcome outcome = new Outcome(reservation, served);
        if (served) {
            settler.add(outcome);
            return;
        }
        try {
            ledger.settle(List.of(outcome));
        } catch (AccountsUnavailableException e) {
            settler.add(outcome); // outcomes are independent: any order is right
        }
    }

    /** Releases reservations older than the timeout (left by a server that stopped mid-request). */
    public void sweep() {
        List<Reservation> stale = ledger.stale(reservationTimeout);
        if (stale.isEmpty()) {
            return;
        }
        int released = ledger.settle(stale.stream().map(r -> new Outcome(r, false)).toList());
        if (released > 0) {
            LOG.warning("released " + released + " stale quota reservations (" + stale.stream()
                    .mapToLong(Reservation::characters).sum() + " characters at most) of keys " + stale.stream()
                    .map(Reservation::keyId).distinct().toList() + " left by a server that stopped mid-request");
        }
    }
}
