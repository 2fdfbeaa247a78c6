package dev.sema.accounts;

/**
 * The characters one request holds between its admission ({@link Quotas#reserve}) and its outcome
 * ({@link Quotas#finish}): taken from a {@link Lease} this server holds ahead, or, near the key's limits, a
 * reservation of its own.
 */
public final class Hold {

    private final Lease lease;
    private final Reservation single;
    private final long characters;

    private Hold(Lease lease, Reservation single, long characters) {
        this.lease = lease;
        this.single = single;
        this.characters = characters;
    }

    static Hold of(Lease lease, long characters) {
        return new Hold(lease, null, characters);
    }

    static Hold single(Reservation reservation) {
        return new Hold(null, reservation, reservation.characters());
    }

    /** The lease it was taken from, or null for a reservation of its own. */
    Lease lease() {
        return lease;
    }

    /** Its own reservation, or null if taken from a lease. */
    Reservation single() {
        return single;
    }

    long characters() {
        return characters;
    }
}
