package dev.sema.accounts;

import java.time.OffsetDateTime;
import java.util.Objects;

/** What an administrator chooses about a key: everything but its identity, secret and history. */
public record KeySettings(String name, KeyLimits limits, boolean enabled, OffsetDateTime expiresAt) {

    public KeySettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
    }
}
