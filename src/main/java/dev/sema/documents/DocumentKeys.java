package dev.sema.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The client's form of a document key (base64url of its 32 bytes) and the digest the server keeps to recognise it.
 * The digest of a random 256-bit key reveals nothing usable, unlike the key itself.
 */
final class DocumentKeys {

    private DocumentKeys() {
    }

    static String encode(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** @return the key's bytes, or empty for anything that is not a document key */
    static Optional<byte[]> decode(String documentKey) {
        if (documentKey == null) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getUrlDecoder().decode(documentKey.strip());
            return key.length == DocumentCipher.KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String sha256(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
    static boolean matches(byte[] key, String expectedSha256) {
        return MessageDigest.isEqual(sha256(key).getBytes(StandardCharsets.US_ASCII),
                expectedSha256.getBytes(StandardCharsets.US_ASCII));
    }
}
