package dev.sema.identity;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single sign-on settings (OIDC bearer tokens); defaults in {@code META-INF/microprofile-config.properties}. Without an
 * issuer, tokens are off and every bearer is an API key, as before.
 *
 * @param issuer            {@code sema.jwt.issuer} ({@code SEMA_JWT_ISSUER}): the {@code iss} a token must carry, e.g.
 *                          {@code https://sso.example.com/realms/acme}; empty: tokens off
 * @param jwksUri           {@code sema.jwt.jwks-uri}: the issuer's signing keys; empty: {@code jwks_uri} of the
 *                          issuer's discovery document ({@code <issuer>/.well-known/openid-configuration})
 * @param audience          {@code sema.jwt.audience}: a value the token's {@code aud} must contain
 * @param rolesClaim        {@code sema.jwt.roles-claim}: dotted path of the claim listing the subject's roles
 *                          (Keycloak: {@code realm_access.roles})
 * @param clockSkew         {@code sema.jwt.clock-skew-seconds}: tolerance on {@code exp} and {@code nbf}
 * @param keysRefreshMin    {@code sema.jwt.keys-refresh-min-seconds}: a token signed with an unknown key id makes the
 *                          keys be fetched again (a rotation at the provider), at most once per this interval
 * @param requestsPerMinute {@code sema.jwt.rate-limit-per-minute}: each subject's requests per minute (0: none)
 * @param requestsPerHour   {@code sema.jwt.rate-limit-per-hour}: each subject's requests per hour (0: none)
 * @param roleAllowedIps    {@code sema.jwt.role-allowed-ips}: per role, the address blocks it may be used from
 *                          ({@code admin=10.0.0.0/8 2001:db8::/32;operator=192.0.2.0/24}); a role not named: anywhere
 */
public record TokenConfig(Optional<URI> issuer, Optional<URI> jwksUri, String audience, String rolesClaim,
                          Duration clockSkew, Duration keysRefreshMin, long requestsPerMinute, long requestsPerHour,
                          Map<String, List<String>> roleAllowedIps) {

    public TokenConfig {
        roleAllowedIps = Map.copyOf(roleAllowedIps);
        if (clockSkew.isNegative() || keysRefreshMin.isNegative() || requestsPerMinute < 0 || requestsPerHour < 0) {
            throw new IllegalArgumentException("sema.jwt.* durations and limits must be 0 or more");
        }
        if (keysRefreshMin.compareTo(IssuerKeys.CACHE) >= 0) {
            throw new IllegalArgumentException("sema.jwt.keys-refresh-min-seconds must be under "
                    + IssuerKeys.CACHE.toSeconds() + " (the keys' cache time), got " + keysRefreshMin.toSeconds());
        }
        if (issuer.isPresent() && audience.isBlank()) {
            throw new IllegalArgumentException("sema.jwt.audience must name this service when sema.jwt.issuer is set");
        }
    }

    public static TokenConfig from(Config config) {
        return new TokenConfig(uri(config, "sema.jwt.issuer"), uri(config, "sema.jwt.jwks-uri"),
                config.getValue("sema.jwt.audience", String.class).trim(),
                config.getValue("sema.jwt.roles-claim", String.class).trim(),
                Duration.ofSeconds(config.getValue("sema.jwt.clock-skew-seconds", long.class)),
                Duration.ofSeconds(config.getValue("sema.jwt.keys-refresh-min-seconds", long.class)),
                config.getValue("sema.jwt.rate-limit-per-minute", long.class),
                config.getValue("sema.jwt.rate-limit-per-hour", long.class),
                roleAllowedIps(config.getOptionalValue("sema.jwt.role-allowed-ips", String.class).orElse("")));
    }

    /** {@code role=block block;role=block}: roles apart by semicolons, blocks by spaces. */
    static Map<String, List<String>> roleAllowedIps(String text) {
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 1 || entry.substring(equals + 1).isBlank()) {
                throw new IllegalArgumentException("sema.jwt.role-allowed-ips: expected role=block [block...], got '"
                        + entry.trim() + "'");
            }
            byRole.put(entry.substring(0, equals).trim(), List.of(entry.substring(equals + 1).trim().split("\\s+")));
        }
        return byRole;
    }

    public boolean enabled() {
        return issuer.isPresent();
    }

    private static Optional<URI> uri(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty()).map(URI::create);
    }
}
