package dev.sema.accounts;

/**
 * One step in the life of a reservation row, applied at most once ({@link UsageLedger#settle}): it gives back
 * {@code released} of the characters the row holds, charges {@code served} characters and {@code requests}
 * requests, and leaves the row holding {@code left} characters, or deletes it if it is the {@code last} step.
 *
 * @param sequence steps applied to the row before this one; the step applies only if the row has seen exactly that
 *                 many, so repeating it (after a lost acknowledgement) or applying it after another server's sweep
 *                 released the row changes nothing
 */
record Settlement(Reservation reservation, int sequence, long released, long served, long requests, long left,
                  boolean last) {

    /** The only step of a single request's reservation that was served: its characters and one request charged. */
    static Settlement served(Reservation single) {
        return served(single, single.characters());
    }

    /** The only step of a single request's reservation that served part of it: that part and one request charged. */
    static Settlement served(Reservation single, long characters) {
        return new Settlement(single, 0, single.characters(), characters, 1, 0, true);
    }

    /** The only step of a single request's reservation that failed (or whose commit was lost): nothing charged. */
    static Settlement released(Reservation single) {
        return new Settlement(single, 0, single.characters(), 0, 0, 0, true);
    }
}
