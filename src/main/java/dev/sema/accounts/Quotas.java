package dev.sema.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Admits keyed requests against their character quotas and records how they ended, so that recorded usage always
 * equals what was served, and the response path rarely waits for the database.
 *
 * <p>A request takes its characters from the {@link Lease} this server holds ahead for its key; only when that runs
 * out (or it is retired) does the request reserve in the database, for itself plus a block ahead, which becomes the
 * key's next lease. Near a key's limits (less than two blocks plus the request free) the block is not reserved and
 * every request reserves exactly its own characters, as in a database without leases, so concurrent requests on
 * any number of servers get exactly what fits; before a request is refused, what this server's leases of the key
 * still hold is tried ({@link #lastResort}). Another server's lease can hold characters for at most
 * {@link Lease#MAX_AGE} (less when idle): until it gives them back, a request elsewhere may be refused although
 * they would have fitted, never the other way round.
 *
 * <p>Served requests are recorded by the {@link UsageSettler} off the response path; their characters stay reserved
 * meanwhile. A failed request's characters return to its lease at once (a reservation of its own is released at
 * once). If a reservation's commit failed, the database may have applied it anyway; the request is refused and the
 * reservation queued for release, a no-op if it never existed. Reservations of a server that died are released
 * after {@code reservationTimeout} by {@link #sweep()}.
 */
public final class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class.getName());

    private final UsageLedger ledger;
    private final UsageSettler settler;
    private final Leases leases;
    private final Duration reservationTimeout;
    private final AccountsEvents events;

    Quotas(UsageLedger ledger, UsageSettler settler, Leases leases, Duration reservationTimeout,
           AccountsEvents events) {
        this.ledger = ledger;
        this.settler = settler;
        this.leases = leases;
        this.reservationTimeout = reservationTimeout;
        this.events = events;
    }

    /**
     * @param characters code points of the request's texts; 0 (detection) counts a request only
     * @throws QuotaExceededException       when the characters do not fit the key's day or month
     * @throws AccountsUnavailableException when the database cannot be used
     */
    public Hold reserve(ApiKey key, long characters) {
        try {
            return leases.open() ? fromLease(key, characters)
                    : Hold.single(ledger.reserve(key, characters, 0, releaseLost()));
        } catch (QuotaExceededException e) {
            events.quotaExceeded(key.id(), e.period(), e.limit(), characters);
            throw e;
        }
    }

    /** Records how the request ended; never throws: if the database is away, it is recorded when it is back. */
    public void finish(Hold hold, boolean served) {
        finish(hold, served ? hold.characters() : 0, served);
    }

    /**
     * Records a request that served only {@code servedCharacters} of the characters it held (a stream whose client
     * left): those are charged with the request, the rest returns to the key; 0 is a request that failed.
     */
    public void finish(Hold hold, long servedCharacters) {
        finish(hold, servedCharacters, servedCharacters > 0);
    }

    private void finish(Hold hold, long servedCharacters, boolean wasServed) {
        long served = Math.max(0, Math.min(servedCharacters, hold.characters()));
        if (hold.lease() != null) {
            hold.lease().end(hold.characters(), served, wasServed);
            settler.leaseEnded();
            return;
        }
        if (wasServed) {
            settler.add(Settlement.served(hold.single(), served));
            return;
        }
        Settlement step = Settlement.released(hold.single());
        try {
            ledger.settle(List.of(step));
        } catch (AccountsUnavailableException e) {
            settler.add(step); // a reservation's only step: its place in the queue does not matter
        }
    }

    /** Releases reservations older than the timeout (left by a server that stopped mid-request). */
    public void sweep() {
        List<Settlement> stale = ledger.stale(reservationTimeout);
        if (stale.isEmpty()) {
            return;
        }
        int released = ledger.settle(stale);
        if (released > 0) {
            LOG.warning("released " + released + " stale quota reservations (" + stale.stream()
                    .mapToLong(Settlement::released).sum() + " characters at most) of keys " + stale.stream()
                    .map(s -> s.reservation().keyId()).distinct().toList() + " left by a server that stopped");
        }
    }

    private Hold fromLease(ApiKey key, long characters) {
        long now = leases.now();
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        Optional<Lease> current = leases.current(key.id(), day);
        if (current.isPresent()) {
            Lease lease = current.get();
            switch (lease.take(characters, now)) {
                case TAKEN -> {
                    return Hold.of(lease, characters);
                }
                case TAKEN_RENEW -> {
                    renew(key, lease, now);
                    return Hold.of(lease, characters);
                }
                case REFUSED -> {
                    // spent or retired: reserve anew
                }
            }
        }
        Lock shared = leases.reserving(key.id()).readLock();
        shared.lock();
        try {
            Reservation reservation = ledger.reserve(key, characters, leases.block(), releaseLost());
            if (reservation.characters() == characters) {
                return Hold.single(reservation); // near a limit: no block ahead
            }
            Lease lease = Lease.forRequest(reservation, characters, leases.block(), now);
            leases.install(lease);
            return Hold.of(lease, characters);
        } catch (QuotaExceededException e) {
            // below, without the shared lock: the last resort takes it alone
        } finally {
            shared.unlock();
        }
        return lastResort(key, day, characters, now);
    }

    /**
     * Before a refusal: with the settler's queue applied and no lease giving characters back meanwhile, the rest of
     * this server's leases of the key, then the database once more. So this server refuses a request only if neither
     * it nor the database holds its characters, not while they are on their way back from a lease.
     */
    private Hold lastResort(ApiKey key, LocalDate day, long characters, long now) {
        Lock alone = leases.reserving(key.id()).writeLock();
        alone.lock();
        try {
            return settler.whileSettled(() -> leases.takeRest(key.id(), day, characters, now)
                    .map(rest -> Hold.of(rest, characters))
                    .orElseGet(() -> Hold.single(ledger.reserve(key, characters, 0, releaseLost()))));
        } finally {
            alone.unlock();
        }
    }

    /** Reserves the key's next lease while the current one still admits requests; the current one is then retired. */
    private void renew(ApiKey key, Lease current, long now) {
        Lock shared = leases.reserving(key.id()).readLock();
        shared.lock();
        try {
            ledger.reserveAhead(key, current.day(), leases.block(), releaseLost())
                    .ifPresent(next -> leases.install(Lease.ahead(next, leases.block(), now)));
            // none: the key is near a limit; the current lease serves until spent, then requests reserve one by one
        } catch (AccountsUnavailableException e) {
            current.renewFailed(now);
        } finally {
            shared.unlock();
        }
    }

    private Consumer<Reservation> releaseLost() {
        return lost -> settler.add(Settlement.released(lost));
    }
}
