package dev.sema.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * This server's {@link Lease}s: per key the one its requests take from, and every lease whose row still holds
 * characters, for the settler to collect.
 */
final class Leases {

    private final long block;
    private final Clock clock;
    private final ConcurrentHashMap<String, Lease> current = new ConcurrentHashMap<>();
    /** Per key (striped): reserving characters for a lease shares it, a request's last resort takes it alone. */
    private final ReadWriteLock[] reserving = new ReadWriteLock[64];
    private final Set<Lease> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param block characters reserved ahead per lease ({@code sema.accounts-lease-characters}); 0: none */
    Leases(long block, Clock clock) {
        this.block = block;
        this.clock = clock;
        Arrays.setAll(reserving, i -> new ReentrantReadWriteLock());
    }

    /**
     * Held in its shared mode from a lease's reservation until it is installed, and alone by a request's last
     * resort: so characters on their way from the database into a lease are never missed by a refusal.
     */
    ReadWriteLock reserving(String keyId) {
        return reserving[Math.floorMod(keyId.hashCode(), reserving.length)];
    }

    long block() {
        return block;
    }

    long now() {
        return clock.millis();
    }

    /** False once the server stops, or when leases are switched off: every request then reserves on its own. */
    boolean open() {
        return block > 0 && !closed;
    }

    /** The lease the key's requests of {@code day} take from, if any; an older day's is retired. */
    Optional<Lease> current(String keyId, LocalDate day) {
        Lease lease = current.get(keyId);
        if (lease != null && !lease.day().equals(day)) {
            lease.retire();
            current.remove(keyId, lease);
            return Optional.empty();
        }
        return Optional.ofNullable(lease);
    }

    /** Makes {@code lease} the key's current one; the one before is retired (its rest given back at the next step). */
    void install(Lease lease) {
        live.add(lease);
        Lease before = current.put(lease.keyId(), lease);
        if (before != null) {
            before.retire();
        }
        if (closed) { // close() may have run since the caller checked open()
            retireAll();
        }
    }

    /** A lease of the key and day, retired or not, with {@code characters} left: the last resort before a refusal. */
    Optional<Lease> takeRest(String keyId, LocalDate day, long characters, long now) {
        return live.stream()
                .filter(l -> l.keyId().equals(keyId) && l.day().equals(day) && l.takeRest(characters, now))
                .findFirst();
    }

    /**
     * Hands every lease's next step to {@code into}, in each lease's order. Only one caller at a time (the settler's
     * lock): a lease's steps must reach the queue in the order they were made.
     *
     * @param mayRetire retire idle and old leases first (the schedule; not a read's flush)
     */
    void collect(Consumer<Settlement> into, boolean mayRetire) {
        long now = now();
        for (Lease lease : live) {
            Settlement step = lease.settle(now, mayRetire);
            if (step != null) {
                into.accept(step);
            }
            if (lease.retired()) {
                current.remove(lease.keyId(), lease);
            }
            if (lease.ended()) {
                live.remove(lease);
            }
        }
    }

    /** Characters the leases hold that no request took yet: what this server keeps from other servers' requests. */
    long charactersAhead() {
        return live.stream().mapToLong(Lease::available).sum();
    }

    /** At shutdown: no new leases, and every lease gives back its rest once its requests ended. */
    void close() {
        closed = true;
        retireAll();
    }

    private void retireAll() {
        current.values().forEach(Lease::retire);
        current.clear();
    }
}
