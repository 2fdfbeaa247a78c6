package dev.sema.accounts;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Keys' signing secrets ({@code sig_} + 32 random bytes, base64url) and their sealing for the database. An HMAC is
 * checked with the secret itself, so unlike a key's secret it cannot be kept as a digest: it is sealed with
 * AES-256-GCM under {@code sema.signing-kek}, with the key's id as associated data (a sealed secret copied onto
 * another key does not open). Without a sealing key, no key gets a signing secret.
 */
public final class SigningSecrets {

    static final String PREFIX = "sig_";
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKeySpec> kek;

    /** @throws IllegalStateException when the sealing key is not base64 of 32 bytes */
    SigningSecrets(Optional<String> base64Kek) {
        this.kek = base64Kek.map(String::strip).filter(s -> !s.isEmpty()).map(SigningSecrets::key);
    }

    private static SecretKeySpec key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sema.signing-kek (SEMA_SIGNING_KEK) is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("sema.signing-kek (SEMA_SIGNING_KEK) must be base64 of " + KEY_BYTES
                    + " bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether keys can have signing secrets: a sealing key is configured. */
    public boolean available() {
        return kek.isPresent();
    }

    static String newSecret() {
        return PREFIX + KeySecrets.randomText();
    }

    String seal(String secret, String keyId) {
        byte[] iv = KeySecrets.randomBytes(IV_BYTES);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, keyId, secret.getBytes(StandardCharsets.UTF_8));
        return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                .put(sealed).array());
    }

    /** @throws IllegalStateException when the sealing key is another than the one that sealed it */
    String open(String stored, String keyId) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("signing secret of " + keyId + " in an unknown format");
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(stored.substring(VERSION.length())));
        byte[] iv = new byte[IV_BYTES];
        bytes.get(iv);
        byte[] sealed = new byte[bytes.remaining()];
        bytes.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, iv, keyId, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, String keyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, kek.orElseThrow(() -> new IllegalStateException("no sema.signing-kek")),
                    new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing secret of " + keyId + " does not open under sema.signing-kek"
                    + " (was it changed?)", e);
        }
    }
}
