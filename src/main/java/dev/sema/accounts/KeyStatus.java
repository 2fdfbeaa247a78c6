package dev.sema.accounts;

import java.util.Locale;

/** Whether a key may be used now, and if not, why (the reason of {@code sema_auth_failures_total}). */
public enum KeyStatus {
    ACTIVE, DISABLED, EXPIRED, REVOKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
