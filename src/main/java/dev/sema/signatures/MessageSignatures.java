package dev.sema.signatures;

import org.greenbytes.http.sfv.ByteSequenceItem;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks RFC 9421 HTTP Message Signatures of the keys that must sign: label {@code sig1}, HMAC-SHA256 keyed with
 * the UTF-8 bytes of the key's signing secret, over {@code @method}, {@code @target-uri} and {@code content-digest}
 * (whose RFC 9530 SHA-256 must be the body's), {@code created} within the allowed skew and a {@code nonce} not seen
 * within the window.
 *
 * <p>The order of the checks is deliberate: the HMAC comes first, so that nothing unsigned can use up a nonce or
 * learn whether its timing would pass; a nonce is remembered only for a request that passed everything else.
 */
public final class MessageSignatures {

    private final Duration maxSkew;
    private final Nonces nonces;
    private final Clock clock;

    public MessageSignatures(SignatureConfig config, Nonces nonces, Clock clock) {
        this.maxSkew = config.maxSkew();
        this.nonces = nonces;
        this.clock = clock;
    }

    /**
     * @param keyId  the id of the key the request's bearer authenticated: the only {@code keyid} accepted
     * @param secret the key's signing secret
     * @throws SignatureRejectedException when the request is not admitted
     */
    public void verify(SignedRequest request, String keyId, String secret) {
        if (request.signatureInput() == null || request.signature() == null) {
            throw SignatureRejectedException.invalid("This key signs its requests (RFC 9421): send Signature-Input"
                    + " and Signature with the label " + SignatureInput.LABEL + ", and Content-Digest.");
        }
        SignatureInput input = SignatureInput.parse(request.signatureInput());
        if (!keyId.equals(input.keyId())) {
            throw SignatureRejectedException.invalid("Signature-Input needs keyid=\"" + keyId + "\", the id of the"
                    + " key that sends the request.");
        }
        ByteBuffer sent = SignatureInput.dictionaryMember(request.signature(), "Signature", SignatureInput.LABEL,
                ByteSequenceItem.class).get();
        byte[] signature = new byte[sent.remaining()];
        sent.get(signature);
        if (!MessageDigest.isEqual(signature, hmac(secret, SignatureBase.of(request, input)))) {
            throw SignatureRejectedException.invalid("The signature does not match the request.");
        }
        ContentDigest.check(request.contentDigest(), request.body());
        Instant now = clock.instant();
        if (Duration.between(input.created(), now).abs().compareTo(maxSkew) > 0
                || input.expires() != null && now.isAfter(input.expires())) {
            throw new SignatureRejectedException(SignatureRejectedException.Reason.EXPIRED, "The signature was"
                    + " created at " + input.created() + ", more than " + maxSkew.toSeconds() + " s from the"
                    + " server's time " + now.getEpochSecond() + ", or has expired: sign each request when it is"
                    + " sent.");
        }
        if (!nonces.firstUse(keyId, input.nonce())) {
            throw new SignatureRejectedException(SignatureRejectedException.Reason.REPLAYED, "This nonce was used"
                    + " already: every signed request needs a new one.");
        }
    }

    /** HMAC-SHA256 of the signature base, keyed with the secret's UTF-8 bytes. */
    static byte[] hmac(String secret, String base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }
}
