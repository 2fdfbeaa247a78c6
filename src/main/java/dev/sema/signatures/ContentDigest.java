package dev.sema.signatures;

import org.greenbytes.http.sfv.ByteSequenceItem;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The {@code sha-256} member of a {@code Content-Digest} header (RFC 9530) against the body's bytes. */
final class ContentDigest {

    private ContentDigest() {
    }

    /** @throws SignatureRejectedException (invalid) when the header has no sha-256 member or it is another body's */
    static void check(String header, byte[] body) {
        if (header == null) {
            throw SignatureRejectedException.invalid("A signed request carries Content-Digest: sha-256=:<base64 of"
                    + " the SHA-256 of the body>: (RFC 9530), also for an empty body.");
        }
        ByteBuffer claimed = SignatureInput.dictionaryMember(header, "Content-Digest", "sha-256",
                ByteSequenceItem.class).get();
        byte[] bytes = new byte[claimed.remaining()];
        claimed.get(bytes);
        if (!MessageDigest.isEqual(bytes, sha256(body))) {
            throw SignatureRejectedException.invalid("Content-Digest does not match the body.");
        }
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
