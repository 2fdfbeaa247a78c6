package dev.sema.accounts;

import java.time.LocalDate;

/**
 * Characters held in the database for one request, or ahead for a server's next requests of the key (a
 * {@link Lease}), until settled. The periods are fixed when it is made, so a request that runs over midnight is
 * charged to the day that admitted it.
 *
 * @param id         random, chosen before the database sees it, so a reservation whose commit was lost with the
 *                   connection can still be found and released
 * @param day        the UTC day it counts against (the month is that day's)
 * @param characters characters held when it was made: code points of a request's source texts (0 for detection,
 *                   which only counts as a request), plus the block ahead for a lease
 */
public record Reservation(String id, String keyId, LocalDate day, long characters) {
}
