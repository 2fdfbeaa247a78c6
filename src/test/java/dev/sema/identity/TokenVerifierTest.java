package dev.sema.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens minted here with keys made here: every way a token must be refused, and the ones it must pass. */
class TokenVerifierTest {

    private static final String ISSUER = "https://sso.example.test/realms/acme";
    private static final TokenConfig CONFIG = new TokenConfig(Optional.of(URI.create(ISSUER)), Optional.empty(),
            "sema", "realm_access.roles", Duration.ofSeconds(30), Duration.ofSeconds(1), 60, 1000, Map.of());

    private static RSAKey key;
    private static RSAKey otherKey;
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final JWKSource<SecurityContext> keys = (selector, context) -> selector.select(published.get());

    @BeforeAll
    static void makeKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k2").generate();
    }

    private TokenVerifier verifier() {
        published.set(new JWKSet(key.toPublicJWK()));
        return new TokenVerifier(CONFIG, keys);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("user-1").audience(List.of("sema", "account"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of("translator", "offline_access")));
    }

    private static String signed(RSAKey with, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static String refusal(TokenVerifier verifier, String token) {
        return assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).getMessage();
    }

    @Test
    void aValidTokenYieldsItsSubjectAndRoles() throws Exception {
        TokenPrincipal principal = verifier().verify(signed(key, claims().build()));
        assertEquals("user-1", principal.subject());
        assertEquals(Set.of("translator", "offline_access"), principal.roles());
    }

    @Test
    void aSpaceSeparatedClaimIsAListOfRoles() throws Exception {
        TokenConfig scopes = new TokenConfig(CONFIG.issuer(), Optional.empty(), "sema", "scope", Duration.ZERO,
                Duration.ofSeconds(1), 0, 0, Map.of());
        published.set(new JWKSet(key.toPublicJWK()));
        TokenPrincipal principal = new TokenVerifier(scopes, keys).verify(signed(key,
                claims().claim("scope", "openid detect  profile").build()));
        assertEquals(Set.of("openid", "detect", "profile"), principal.roles());
    }

    @Test
    void expiryAndNotBeforeCountWithTheClockSkew() throws Exception {
        TokenVerifier verifier = verifier();
        Instant now = Instant.now();
        verifier.verify(signed(key, claims().expirationTime(Date.from(now.minusSeconds(20))).build()));
        assertEquals("The token has expired.", refusal(verifier, signed(key,
                claims().expirationTime(Date.from(now.minusSeconds(40))).build())));
        verifier.verify(signed(key, claims().notBeforeTime(Date.from(now.plusSeconds(20))).build()));
        assertEquals("The token is not valid yet.", refusal(verifier, signed(key,
                claims().notBeforeTime(Date.from(now.plusSeconds(40))).build())));
    }

    @Test
    void anotherIssuerOrAudienceOrNoSubjectIsRefused() throws Exception {
        TokenVerifier verifier = verifier();
        assertEquals("The token comes from another issuer.", refusal(verifier,
                signed(key, claims().issuer(ISSUER + "-other").build())));
        assertEquals("The token is not meant for this service (audience).", refusal(verifier,
                signed(key, claims().audience("account").build())));
        assertEquals("The token lacks a required claim or carries an unacceptable one.", refusal(verifier,
                signed(key, claims().subject(null).build())));
    }

    @Test
    void aTamperedOrForeignSignatureIsRefused() throws Exception {
        TokenVerifier verifier = verifier();
        String token = signed(key, claims().build());
        String[] parts = token.split("\\.");
        String admin = Base64URL.encode(claims().claim("realm_access", Map.of("roles", List.of("admin"))).build()
                .toString()).toString();
        assertEquals("The token's signature or algorithm is not accepted.",
                refusal(verifier, parts[0] + "." + admin + "." + parts[2]));
        // Signed by a key the issuer does not publish, under the published key's id.
        assertEquals("The token's signature or algorithm is not accepted.", refusal(verifier,
                signed(new RSAKeyGenerator(2048).keyID("k1").generate(), claims().build())));
        assertEquals("The token is not a well-formed JWT.", refusal(verifier, "eyJ.not.atoken"));
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String unsecured = new PlainJWT(claims().build()).serialize();
        assertTrue(TokenVerifier.looksLikeToken(unsecured));
        assertThrows(InvalidTokenException.class, () -> verifier().verify(unsecured));
    }

    @Test
    void anHmacTokenSignedWithThePublicKeyIsRefused() throws Exception {
        // Algorithm confusion: a verifier that used the public key as an HMAC secret would accept this.
        byte[] publicKey = key.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                claims().claim("realm_access", Map.of("roles", List.of("admin"))).build());
        jwt.sign(new MACSigner(publicKey));
        assertEquals("The token's signature or algorithm is not accepted.", refusal(verifier(), jwt.serialize()));
    }

    @Test
    void aRotatedKeyIsAcceptedOnceTheIssuerPublishesIt() throws Exception {
        TokenVerifier verifier = verifier();
        String rotated = signed(otherKey, claims().build());
        refusal(verifier, rotated);
        published.set(new JWKSet(List.of(key.toPublicJWK(), otherKey.toPublicJWK())));
        assertEquals("user-1", verifier.verify(rotated).subject());
    }

    @Test
    void onlyCompactJwsShapesAreTakenForTokens() throws Exception {
        assertTrue(TokenVerifier.looksLikeToken(signed(key, claims().build())));
        assertFalse(TokenVerifier.looksLikeToken("sema_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd"));
        assertFalse(TokenVerifier.looksLikeToken("eyJhbGciOiJSUzI1NiJ9"));
        assertFalse(TokenVerifier.looksLikeToken("an admin token with spaces"));
    }
}
