package dev.sema.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issuer's keys over real HTTP (a JDK server on a free port playing the provider): found through the discovery
 * document on the first token, cached, fetched again for an unknown key id (a rotation) at most once per interval,
 * and an unreachable provider told apart from a bad token.
 */
class IssuerKeysTest {

    private HttpServer provider;
    private String issuer;
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/test";
        provider.createContext("/realms/test/.well-known/openid-configuration", exchange -> reply(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}"));
        provider.createContext("/realms/test/certs", exchange -> {
            fetches.incrementAndGet();
            reply(exchange, published.get().toString());
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private TokenVerifier verifier(Duration refreshMin) {
        return new TokenVerifier(new TokenConfig(Optional.of(URI.create(issuer)), Optional.empty(), "sema",
                "realm_access.roles", Duration.ZERO, refreshMin, 0, 0, Map.of()));
    }

    private String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("svc").audience("sema")
                        .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void keysAreDiscoveredCachedAndFetchedAgainForARotatedKey() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
        published.set(new JWKSet(first.toPublicJWK()));
        TokenVerifier verifier = verifier(Duration.ZERO);
        String early = token(first);
        verifier.verify(early);
        verifier.verify(early);
        assertEquals(1, fetches.get(), "cached after the first fetch");
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
        assertEquals("svc", verifier.verify(token(second)).subject());
        assertEquals(2, fetches.get(), "fetched again for the unknown key id");
    }

    @Test
    void unknownKeyIdsFetchAtMostOncePerInterval() throws Exception {
        published.set(new JWKSet(new RSAKeyGenerator(2048).keyID("published").generate().toPublicJWK()));
        TokenVerifier verifier = verifier(Duration.ofMinutes(2));
        for (int i = 0; i < 5; i++) {
            String madeUp = token(new RSAKeyGenerator(2048).keyID("made-up-" + i).generate());
            assertThrows(InvalidTokenException.class, () -> verifier.verify(madeUp));
        }
        // The first fetch, and Nimbus's rate limiter lets one refresh through per interval.
        assertTrue(fetches.get() <= 2, "fetches: " + fetches.get());
    }

    @Test
    void anUnreachableProviderIsNotTheCallersFault() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        TokenVerifier verifier = verifier(Duration.ZERO);
        provider.stop(0);
        assertThrows(TokenKeysUnavailableException.class, () -> verifier.verify(token(key)));
    }
}
