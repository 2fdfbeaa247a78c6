package dev.sema.accounts;

/**
 * How the request that made a reservation ended.
 *
 * @param served true: its characters and one request are charged; false (failed, or left by a dead server): nothing is
 */
record Outcome(Reservation reservation, boolean served) {
}
