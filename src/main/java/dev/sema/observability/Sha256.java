package dev.sema.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for identifiers that must not appear in clear: client keys and IPs in logs, the admin token. */
public final class Sha256 {

    private Sha256() {
    }

    /** First 128 bits, hex: enough to keep clients apart, useless for recovering the input. */
    public static String shortHex(String value) {
        return HexFormat.of().formatHex(digest(value), 0, 16);
    }

    /** SHA-256 of the UTF-8 bytes. */
    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
