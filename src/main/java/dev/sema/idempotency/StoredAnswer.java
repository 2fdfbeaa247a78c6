package dev.sema.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A finished request's answer as the client received it, for retries: its status, media type and exact body.
 */
public record StoredAnswer(int status, String contentType, byte[] body) {

    /** One line for Redis: {@code status;base64(type);base64(body)}. */
    String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return status + ";" + b64.encodeToString(contentType.getBytes(StandardCharsets.UTF_8)) + ";"
                + b64.encodeToString(body);
    }

    static StoredAnswer decode(String line) {
        String[] parts = line.split(";", 3);
        Base64.Decoder b64 = Base64.getDecoder();
        return new StoredAnswer(Integer.parseInt(parts[0]), new String(b64.decode(parts[1]), StandardCharsets.UTF_8),
                b64.decode(parts[2]));
    }
}
