package dev.sema.models.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a downloaded file against the ETag the Hub announced: LFS files carry their sha256 (64 hex digits),
 * small git files their git blob sha1 (40 hex digits, a sha1 over {@code "blob <size>\0" + content}).
 * Other ETag forms (some mirrors) cannot be checked and are accepted.
 */
final class BlobChecksum {

    private BlobChecksum() {
    }

    /** @return the actual digest when it differs from the expected one, empty when it matches or is uncheckable */
    static Optional<String> mismatch(Path file, String etag) throws IOException {
        String expected = etag.toLowerCase(java.util.Locale.ROOT);
        if (expected.matches("[0-9a-f]{64}")) {
            String actual = digest(file, "SHA-256", null);
            return actual.equals(expected) ? Optional.empty() : Optional.of(actual);
        }
        if (expected.matches("[0-9a-f]{40}")) {
            String header = "blob " + Files.size(file) + "\0";
            String actual = digest(file, "SHA-1", header.getBytes(StandardCharsets.US_ASCII));
            return actual.equals(expected) ? Optional.empty() : Optional.of(actual);
        }
        return Optional.empty();
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(algorithm("SHA-256").digest(content));
    }

    private static String digest(Path file, String name, byte[] prefix) throws IOException {
        MessageDigest digest = algorithm(name);
        if (prefix != null) {
            digest.update(prefix);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest algorithm(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is mandatory in every JDK", e);
        }
    }
}
