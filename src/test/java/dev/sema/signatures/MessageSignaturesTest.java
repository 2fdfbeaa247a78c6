package dev.sema.signatures;

import dev.sema.fleet.SharedStore;
import dev.sema.fleet.SharedStoreConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The verifier against requests signed here the way the README tells clients to sign: by string building, not with
 * the verifier's own parser, so that a serialization the two disagree on fails.
 */
class MessageSignaturesTest {

    private static final String KEY = "key_0123456789abcdef";
    private static final String SECRET = "sig_secret-for-tests";
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final String URI = "http://127.0.0.1:9080/api/v1/detect-language";
    private static final byte[] BODY = "{\"text\":\"Habari\"}".getBytes(StandardCharsets.UTF_8);

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();

    private final MessageSignatures signatures = new MessageSignatures(new SignatureConfig(Duration.ofSeconds(300),
            1000), new Nonces(withoutRedis(), Duration.ofSeconds(600), 1000, NOW::toEpochMilli),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** A store with no Redis configured: nonces stay in memory. */
    static SharedStore withoutRedis() {
        return SharedStore.open(new SharedStoreConfig(Optional.empty(), "t:", Duration.ofSeconds(1),
                Duration.ofMillis(100)), SCHEDULER);
    }

    /** What a client sends: Content-Digest, Signature-Input and Signature over the base it builds itself. */
    static SignedRequest signed(String method, String uri, byte[] body, long created, String nonce, String secret) {
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(ContentDigest.sha256(body)) + ":";
        String params = "(\"@method\" \"@target-uri\" \"content-digest\");created=" + created + ";keyid=\"" + KEY
                + "\";alg=\"hmac-sha256\";nonce=\"" + nonce + "\"";
        String base = "\"@method\": " + method + "\n\"@target-uri\": " + uri + "\n\"content-digest\": " + digest
                + "\n\"@signature-params\": " + params;
        String signature = "sig1=:" + Base64.getEncoder().encodeToString(MessageSignatures.hmac(secret, base)) + ":";
        return new SignedRequest(method, uri, "sig1=" + params, signature, digest, body);
    }

    private static SignedRequest signed(String nonce) {
        return signed("POST", URI, BODY, NOW.getEpochSecond(), nonce, SECRET);
    }

    @Test
    void aCorrectlySignedRequestPassesOnceAndItsReplayIsRefused() {
        signatures.verify(signed("n-1"), KEY, SECRET);
        assertEquals(SignatureRejectedException.Reason.REPLAYED, reason(signed("n-1")));
        signatures.verify(signed("n-2"), KEY, SECRET);
    }

    @Test
    void anyChangedByteOrAnotherSecretIsInvalid() {
        SignedRequest good = signed("n-3");
        byte[] tampered = BODY.clone();
        tampered[9] ^= 1;
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput(), good.signature(), good.contentDigest(),
                tampered));
        assertInvalid(new SignedRequest("POST", URI.replace("detect-language", "translate"), good.signatureInput(),
                good.signature(), good.contentDigest(), BODY));
        assertInvalid(new SignedRequest("PUT", URI, good.signatureInput(), good.signature(), good.contentDigest(),
                BODY));
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput().replace("n-3", "n-4"), good.signature(),
                good.contentDigest(), BODY));
        assertInvalid(signed("POST", URI, BODY, NOW.getEpochSecond(), "n-5", "another secret"));
        // a body and a digest changed together still break the signature over the digest
        SignedRequest other = signed("POST", URI, "{}".getBytes(StandardCharsets.UTF_8), NOW.getEpochSecond(),
                "n-6", SECRET);
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput(), good.signature(), other.contentDigest(),
                other.body()));
        // none of these used up the nonce
        signatures.verify(good, KEY, SECRET);
    }

    @Test
    void missingOrMalformedHeadersAndOtherParametersAreInvalid() {
        SignedRequest good = signed("n-7");
        assertInvalid(new SignedRequest("POST", URI, null, null, null, BODY));
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput(), good.signature(), null, BODY));
        assertInvalid(new SignedRequest("POST", URI, "sig1=(", good.signature(), good.contentDigest(), BODY));
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput().replace("sig1=", "sig2="),
                good.signature(), good.contentDigest(), BODY));
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput().replace(" \"content-digest\"", ""),
                good.signature(), good.contentDigest(), BODY));
        assertInvalid(new SignedRequest("POST", URI, good.signatureInput().replace("hmac-sha256", "rsa-pss-sha512"),
                good.signature(), good.contentDigest(), BODY));
        assertEquals(SignatureRejectedException.Reason.INVALID, assertThrows(SignatureRejectedException.class,
                () -> signatures.verify(good, "key_ffffffffffffffff", SECRET)).reason());
    }

    @Test
    void aSignatureFurtherThanTheSkewFromTheClockHasExpired() {
        assertEquals(SignatureRejectedException.Reason.EXPIRED, reason(signed("POST", URI, BODY,
                NOW.getEpochSecond() - 301, "n-8", SECRET)));
        assertEquals(SignatureRejectedException.Reason.EXPIRED, reason(signed("POST", URI, BODY,
                NOW.getEpochSecond() + 301, "n-9", SECRET)));
        signatures.verify(signed("POST", URI, BODY, NOW.getEpochSecond() - 300, "n-10", SECRET), KEY, SECRET);
    }

    private void assertInvalid(SignedRequest request) {
        assertEquals(SignatureRejectedException.Reason.INVALID, reason(request));
    }

    private SignatureRejectedException.Reason reason(SignedRequest request) {
        return assertThrows(SignatureRejectedException.class, () -> signatures.verify(request, KEY, SECRET))
                .reason();
    }
}
