package dev.sema.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.text.ParseException;
import java.util.List;

/**
 * The issuer's signing keys (JWKS), found on first use rather than at start-up, so that Sema starts while the identity
 * provider is down: the configured {@code jwks-uri}, else the discovery document's {@code jwks_uri}. Keys are cached
 * for five minutes and fetched again at once when a token names a key id the cache lacks (the provider rotated its
 * key), at most once per {@code keys-refresh-min-seconds} so that made-up key ids cannot flood the provider.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    /** Nimbus's defaults (500 ms) are too short for a provider under load; a request waits at most this long. */
    private static final int TIMEOUT_MS = 5_000;
    private static final int SIZE_LIMIT = 256 * 1024;
    static final Duration CACHE = Duration.ofMinutes(5);

    private final TokenConfig config;
    private final ResourceRetriever http = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);
    private volatile JWKSource<SecurityContext> source;

    IssuerKeys(TokenConfig config) {
        this.config = config;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return source().get(selector, context);
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> current = source;
        if (current == null) {
            synchronized (this) {
                if (source == null) {
                    source = JWKSourceBuilder.create(jwksUrl(), http)
                            .cache(CACHE.toMillis(), TIMEOUT_MS)
                            .rateLimited(Math.max(1, config.keysRefreshMin().toMillis()))
                            .refreshAheadCache(false)
                            .build();
                }
                current = source;
            }
        }
        return current;
    }

    private URL jwksUrl() throws KeySourceException {
        try {
            if (config.jwksUri().isPresent()) {
                return config.jwksUri().get().toURL();
            }
            URI discovery = URI.create(config.issuer().orElseThrow().toString().replaceAll("/+$", "")
                    + "/.well-known/openid-configuration");
            String content = http.retrieveResource(discovery.toURL()).getContent();
            String jwks = JSONObjectUtils.getString(JSONObjectUtils.parse(content), "jwks_uri");
            if (jwks == null) {
                throw new KeySourceException("The discovery document " + discovery + " names no jwks_uri");
            }
            return URI.create(jwks).toURL();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new KeySourceException("Cannot read the issuer's discovery document: " + e.getMessage(), e);
        }
    }
}
