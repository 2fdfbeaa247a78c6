package dev.sema.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an administrator chooses about a key: everything but its identity, secret and history.
 *
 * @param scopes what the key may do; null for the default ({@link Scope#defaults()}), kept as "default" so that a
 *               non-admin scope added later reaches the keys created without a choice, as before scopes existed
 * @param allowedIps CIDR blocks the key may be used from, as canonical text; empty: anywhere
 * @param requireSignature every request must carry an RFC 9421 signature made with the key's signing secret
 */
public record KeySettings(String name, KeyLimits limits, boolean enabled, OffsetDateTime expiresAt,
                          Set<Scope> scopes, List<String> allowedIps, boolean requireSignature) {

    public KeySettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        scopes = scopes == null ? null : Set.copyOf(scopes);
        allowedIps = List.copyOf(allowedIps);
    }

    /** Settings of a key that need not sign its requests. */
    public KeySettings(String name, KeyLimits limits, boolean enabled, OffsetDateTime expiresAt, Set<Scope> scopes,
                       List<String> allowedIps) {
        this(name, limits, enabled, expiresAt, scopes, allowedIps, false);
    }

    /** The scopes in force: the chosen ones, or the default. */
    public Set<Scope> effectiveScopes() {
        return scopes == null ? Scope.defaults() : scopes;
    }
}
