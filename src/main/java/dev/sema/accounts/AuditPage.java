package dev.sema.accounts;

import java.util.List;

/**
 * Rows of the audit trail in id order.
 *
 * @param nextAfter the cursor of the following page, null when this is the last
 */
public record AuditPage(List<AuditEvent> events, Long nextAfter) {
}
