package dev.sema.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key ids and secrets. A secret is {@code sema_} + 32 random bytes (base64url, 43 characters): guessing one is
 * hopeless, so a fast unsalted SHA-256 is the right digest to store and look up (a slow password hash protects
 * low-entropy passwords, which these are not, and would cost every request).
 */
public final class KeySecrets {

    static final String SECRET_PREFIX = "sema_";
    static final int SECRET_BYTES = 32;
    /** Characters of the secret kept for display: {@code sema_} and 7 random ones. */
    static final int DISPLAY_PREFIX = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    static String newSecret() {
        return SECRET_PREFIX + randomText();
    }

    /** {@link #SECRET_BYTES} random bytes as base64url: 43 characters. */
    static String randomText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SECRET_BYTES));
    }

    static String newId() {
        return "key_" + HexFormat.of().formatHex(randomBytes(8));
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_PREFIX);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes: what the database stores and is searched by. */
    static String digest(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
