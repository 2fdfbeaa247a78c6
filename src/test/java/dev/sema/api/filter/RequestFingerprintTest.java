package dev.sema.api.filter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Two requests are the same for an idempotency key when their route and body are; the answer's key is apart. */
class RequestFingerprintTest {

    @Test
    void aJsonBodyIsHashedAsItIsAndTheAnswerKeyIsNotTheFingerprint() throws Exception {
        byte[] body = "{\"text\":\"Hello\"}".getBytes(StandardCharsets.UTF_8);
        RequestFingerprint fingerprint = RequestFingerprint.of("POST", "api/v1/translate", body);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("POST api/v1/translate\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(sha.digest(body)), fingerprint.digest(),
                "the same fingerprint as stored before answers were sealed");
        assertFalse(fingerprint.digest().equals(HexFormat.of().formatHex(fingerprint.answerKey())),
                "the store's fingerprint does not open the answer");
        assertNotEquals(fingerprint.digest(), RequestFingerprint.of("POST", "api/v1/translate/batch", body)
                .digest(), "another route is another request");
    }
}
