package dev.sema.api;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.AccountsUnavailableException;
import dev.sema.accounts.Actor;
import dev.sema.accounts.AuditEvent;
import dev.sema.accounts.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Appends what the edge sees to the audit trail: denied admin attempts and admin actions outside the key store
 * (model reloads; key changes are appended by the key store in their own transaction). The trail lives in the
 * accounts database, so with {@code SEMA_API_KEYS=off} there is none. An action already done is not undone when
 * its row cannot be written; the row then goes to the log, so it is not lost.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    private final AuditTrail audit;
    private final AccountsConfig accounts;

    @Inject
    public AuditRecorder(AuditTrail audit, AccountsConfig accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    /** For the CDI client proxy only. */
    protected AuditRecorder() {
        this(null, null);
    }

    public void record(Actor actor, String action, String target, AuditEvent.Outcome outcome, String details) {
        if (!accounts.enabled()) {
            return;
        }
        AuditEvent event = actor.event(audit.now(), action, target, outcome, details);
        try {
            audit.append(event);
        } catch (AccountsUnavailableException e) {
            LOG.warning("audit row not written (accounts database unavailable): " + event);
        }
    }
}
