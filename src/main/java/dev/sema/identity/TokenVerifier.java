package dev.sema.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks OIDC access tokens (signed JWTs) of the configured issuer: signature by one of the issuer's published keys
 * with an asymmetric algorithm only (so {@code alg: none} and an HMAC token "signed" with the public key are refused,
 * whatever the header says), issuer, audience, expiry and not-before within the clock skew, a subject. Thread-safe.
 */
public final class TokenVerifier {

    /** Asymmetric algorithms only: a symmetric one would let anyone holding the public key sign. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /** A compact JWS: three base64url parts, the header a JSON object (so it starts with "{" encoded, "eyJ"). */
    private static final Pattern COMPACT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final TokenConfig config;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(TokenConfig config) {
        this(config, new IssuerKeys(config));
    }

    /** With the given keys, for tests that mint their own. */
    TokenVerifier(TokenConfig config, JWKSource<SecurityContext> keys) {
        this.config = config;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(config.audience()),
                new JWTClaimsSet.Builder().issuer(config.issuer().map(Object::toString).orElse(null)).build(),
                Set.of("sub", "exp"), null);
        claims.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, config.clockSkew().toSeconds()));
        processor.setJWTClaimsSetVerifier(claims);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether a bearer has the shape of a token rather than an API key ({@code sema_…}, no dots). */
    public static boolean looksLikeToken(String bearer) {
        return COMPACT.matcher(bearer).matches();
    }

    /**
     * @throws InvalidTokenException         the token is not acceptable (the message says why)
     * @throws TokenKeysUnavailableException the issuer's keys cannot be fetched now
     */
    public TokenPrincipal verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("The token is not a well-formed JWT.");
        } catch (BadJWTException e) {
            throw new InvalidTokenException(claimProblem(e.getMessage()));
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("The token's signature or algorithm is not accepted.");
        } catch (RateLimitReachedException e) {
            // A key id the issuer did not publish at the last fetch, and the keys were fetched moments ago.
            throw new InvalidTokenException("The token's signature or algorithm is not accepted.");
        } catch (JOSEException e) {
            throw new TokenKeysUnavailableException("The token issuer's signing keys cannot be fetched.", e);
        }
        return new TokenPrincipal(claims.getSubject(), roles(claims.getClaims()));
    }

    /** Nimbus's claim verifier says what failed only in its message; these are its wordings (pinned by tests). */
    private static String claimProblem(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Expired")) {
            return "The token has expired.";
        }
        if (m.contains("before use time")) {
            return "The token is not valid yet.";
        }
        if (m.contains(" aud claim")) {
            return "The token is not meant for this service (audience).";
        }
        if (m.contains(" iss claim")) {
            return "The token comes from another issuer.";
        }
        return "The token lacks a required claim or carries an unacceptable one.";
    }

    /** The roles claim by its dotted path: a list of names, or one space-separated string (like OAuth's scope). */
    private Set<String> roles(Map<String, Object> claims) {
        Object value = claims;
        for (String step : config.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
        } else if (value instanceof String names) {
            roles.addAll(List.of(names.trim().split("\\s+")));
            roles.remove("");
        }
        return roles;
    }
}
