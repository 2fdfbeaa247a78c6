package dev.sema.api;

import dev.sema.observability.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.MessageDigest;

/**
 * The bootstrap credential of the admin routes ({@code sema.admin-token}, {@code SEMA_ADMIN_TOKEN}): it holds every
 * scope. Without one the admin routes do not exist (404 like any unknown path), so a public deployment exposes
 * nothing by default.
 */
@ApplicationScoped
public class AdminToken {

    private final byte[] expected;

    @Inject
    public AdminToken(ApiConfig config) {
        this.expected = config.adminToken().map(String::trim).filter(t -> !t.isEmpty()).map(Sha256::digest).orElse(null);
    }

    /** For the CDI client proxy only. */
    protected AdminToken() {
        this.expected = null;
    }

    public boolean configured() {
        return expected != null;
    }

    /** Whether a bearer token is the admin token; false when none is configured. */
    public boolean matches(String bearer) {
        // Comparing fixed-length digests in constant time leaks neither the token nor its length.
        return expected != null && MessageDigest.isEqual(expected, Sha256.digest(bearer.trim()));
    }
}
