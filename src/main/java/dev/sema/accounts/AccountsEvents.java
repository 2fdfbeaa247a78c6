package dev.sema.accounts;

import dev.sema.observability.EventLog;
import dev.sema.observability.SemaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * What accounts report: metrics without any key id as a label, events naming a key by its id only, never by its
 * secret.
 */
@ApplicationScoped
public class AccountsEvents {

    private final SemaMetrics metrics;
    private final EventLog events;

    @Inject
    public AccountsEvents(SemaMetrics metrics, EventLog events) {
        this.metrics = metrics;
        this.events = events;
    }

    /** For CDI's client proxy only. */
    protected AccountsEvents() {
        this(null, null);
    }

    /** @param reason {@code missing}, {@code unknown}, {@code revoked}, {@code disabled} or {@code expired} */
    public void authFailed(String reason) {
        metrics.recordAuthFailure(reason);
    }

    public void quotaExceeded(String keyId, Period period, long limit, long requested) {
        metrics.recordQuotaExceeded();
        events.quotaExceeded(keyId, period.name().toLowerCase(Locale.ROOT), limit, requested);
    }

    /** @param action {@code api_key_created}, {@code api_key_updated} or {@code api_key_revoked} */
    public void keyChanged(String action, String keyId) {
        events.apiKeyChanged(action, keyId);
    }
}
