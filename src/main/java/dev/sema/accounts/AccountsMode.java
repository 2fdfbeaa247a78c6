package dev.sema.accounts;

import java.util.Locale;

/** How API keys take part in serving ({@code sema.api-keys}, {@code SEMA_API_KEYS}). */
public enum AccountsMode {
    /** No accounts at all: a bearer token is ignored, every client is its IP, the database is never opened. */
    OFF,
    /** Anonymous clients get the per-IP limits; a valid key gets its own limits and quotas; a bad key is refused. */
    OPTIONAL,
    /** As {@link #OPTIONAL}, but translation and detection refuse requests without a key. */
    REQUIRED;

    public static AccountsMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sema.api-keys must be off, optional or required, got '" + value + "'",
                    e);
        }
    }
}
