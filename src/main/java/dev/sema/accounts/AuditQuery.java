package dev.sema.accounts;

import java.time.OffsetDateTime;

/**
 * Which audit rows to read: a time range, an actor and an action (each null for any), after a cursor, at most
 * {@code limit}, in id order.
 *
 * @param from  first instant included
 * @param to    first instant excluded
 * @param after the id of the last row already read (0: from the start)
 */
public record AuditQuery(OffsetDateTime from, OffsetDateTime to, String actor, String action, long after, int limit) {
}
