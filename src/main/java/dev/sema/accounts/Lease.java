package dev.sema.accounts;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Characters of one key's UTC day (and so of its month) that this server reserved ahead in one reservation row, so
 * that the key's next requests are admitted without a database round trip: one commit per block of characters
 * instead of one per request. The quota stays exact: the database counts the whole row as reserved until the
 * server settles it, so every server together can never admit more than the limit.
 *
 * <p>Requests {@link #take} characters and {@link #end}; the settler collects what ended in {@link #settle} steps
 * (served characters move from the row to the key's usage, the row keeps the rest). Once the lease is retired (a
 * successor took over, it sat idle for {@link #IDLE}, it reached {@link #MAX_AGE}, its day ended, the server
 * stops), its next step gives back what no request holds, and the step after its last request ended deletes the
 * row. A take that leaves
 * less than a quarter of a block, or one after half the maximum age, asks its caller to reserve a successor, so a
 * busy key rarely waits for the database. The age limit keeps characters from sitting on an idle server (another
 * server's request could need them) and lets a changed limit take effect within seconds.
 */
final class Lease {

    /** Retired when no request took from it for this long. */
    static final Duration IDLE = Duration.ofSeconds(1);
    /** Retired at this age, however busy: what it holds returns to the pool within seconds. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** After a failed attempt to reserve a successor (database away), the next one waits this long. */
    static final Duration RENEW_RETRY = Duration.ofSeconds(1);

    /** What {@link #take} did. */
    enum Take {
        REFUSED, TAKEN,
        /** taken, and the caller should reserve a successor */
        TAKEN_RENEW
    }

    private final Reservation row;
    private final long block;
    private final long acquiredAt;

    // guarded by this; always held == available + characters in flight + served
    private long held;
    private long available;
    private int inFlight;
    private long served;
    private long requests;
    private int settlements;
    private long lastTakeAt;
    private long renewAt;
    private boolean retired;
    private boolean ended;

    private Lease(Reservation row, long block, long now, long taken, int inFlight) {
        this.row = row;
        this.block = block;
        this.acquiredAt = now;
        this.held = row.characters();
        this.available = row.characters() - taken;
        this.inFlight = inFlight;
        this.lastTakeAt = now;
        this.renewAt = now;
    }

    /** A lease reserved by a request that holds {@code characters} of it already. */
    static Lease forRequest(Reservation row, long characters, long block, long now) {
        return new Lease(row, block, now, characters, 1);
    }

    /** A lease reserved ahead, as a successor. */
    static Lease ahead(Reservation row, long block, long now) {
        return new Lease(row, block, now, 0, 0);
    }

    String keyId() {
        return row.keyId();
    }

    LocalDate day() {
        return row.day();
    }

    /** Admits a request of {@code characters} unless the lease is retired or has too few left. */
    synchronized Take take(long characters, long now) {
        if (retired || !admit(characters, now)) {
            return Take.REFUSED;
        }
        boolean wantsSuccessor = available < block / 4 || now - acquiredAt >= MAX_AGE.toMillis() / 2;
        if (wantsSuccessor && now >= renewAt) {
            renewAt = Long.MAX_VALUE;
            return Take.TAKEN_RENEW;
        }
        return Take.TAKEN;
    }

    /** Admits a request from what a retired lease has left: the last resort before a refusal. */
    synchronized boolean takeRest(long characters, long now) {
        return admit(characters, now);
    }

    private boolean admit(long characters, long now) {
        if (ended || available < characters) {
            return false;
        }
        available -= characters;
        inFlight++;
        lastTakeAt = now;
        return true;
    }

    /** Reserving a successor failed (the database is away): a later take asks again. */
    synchronized void renewFailed(long now) {
        renewAt = now + RENEW_RETRY.toMillis();
    }

    /**
     * A request that took {@code characters} ended: if it was served, {@code servedCharacters} of them (all, or part:
     * a stream cut short) are charged with the request at the next step; the rest is free again.
     */
    synchronized void end(long characters, long servedCharacters, boolean wasServed) {
        inFlight--;
        if (wasServed) {
            served += servedCharacters;
            requests++;
        }
        available += characters - servedCharacters;
    }

    /** No new requests (but those in flight still end here); the rest is given back once nothing is in flight. */
    synchronized void retire() {
        retired = true;
    }

    /**
     * The next step of the row, or null if there is nothing to record.
     *
     * @param mayRetire retire the lease first if it sat idle or grew old (the settler's schedule; not a read's flush)
     */
    synchronized Settlement settle(long now, boolean mayRetire) {
        if (ended) {
            return null;
        }
        if (mayRetire && (now - lastTakeAt >= IDLE.toMillis() || now - acquiredAt >= MAX_AGE.toMillis())) {
            retired = true;
        }
        boolean last = retired && inFlight == 0;
        long rest = retired ? available : 0; // a retired lease gives back what no request holds at once
        if (!last && requests == 0 && rest == 0) {
            return null;
        }
        long released = served + rest;
        Settlement step = new Settlement(row, settlements++, released, served, requests, held - released, last);
        held -= released;
        available -= rest;
        served = 0;
        requests = 0;
        ended = last;
        return step;
    }

    /** Characters no request holds yet (0 once given back). */
    synchronized long available() {
        return available;
    }

    synchronized boolean retired() {
        return retired;
    }

    synchronized boolean ended() {
        return ended;
    }
}
