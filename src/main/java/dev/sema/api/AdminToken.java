package dev.sema.api;

import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.observability.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.util.Map;

/**
 * The bearer token of the admin endpoints ({@code sema.admin-token}, {@code SEMA_ADMIN_TOKEN}). Without one the
 * admin endpoints do not exist (404 like any unknown path), so a public deployment exposes nothing by default.
 */
@ApplicationScoped
public class AdminToken {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    @Inject
    public AdminToken(ApiConfig config) {
        this.expected = config.adminToken().map(String::trim).filter(t -> !t.isEmpty()).map(Sha256::digest).orElse(null);
    }

    /** For the CDI client proxy only. */
    protected AdminToken() {
        this.expected = null;
    }

    /**
     * @param authorization the {@code Authorization} header, may be null
     * @throws ApiException 404 when no token is configured, 401 without a bearer token, 403 with a wrong one
     */
    public void check(String authorization) {
        if (expected == null) {
            throw new ApiException(404, "not_found", "Not Found. See /openapi for the available routes.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new ApiException(401, ApiError.of("unauthorized", "Send the admin token as 'Authorization: Bearer"
                    + " <token>' (sema.admin-token, SEMA_ADMIN_TOKEN)."),
                    Map.of("WWW-Authenticate", "Bearer realm=\"sema-admin\""));
        }
        // Comparing fixed-length digests in constant time leaks neither the token nor its length.
        byte[] given = Sha256.digest(authorization.substring(PREFIX.length()).trim());
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ApiException(403, "forbidden", "The admin token is wrong.");
        }
    }
}
