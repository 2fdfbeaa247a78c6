package dev.sema.api.filter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Two requests are the same for an idempotency key when their route and body are, a multipart boundary aside. */
class RequestFingerprintTest {

    private static byte[] upload(String boundary, String file) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"target_language\"\r\n\r\nfra_Latn\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n" + file
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static RequestFingerprint of(String boundary, String file) {
        return RequestFingerprint.of("POST", "api/v1/documents", upload(boundary, file), boundary);
    }

    @Test
    void aMultipartRetryWithAnotherBoundaryIsTheSameRequest() {
        RequestFingerprint first = of("------------------------d74496d66958873e", "Hello.");
        RequestFingerprint retry = of("----WebKitFormBoundary7MA4YWxkTrZu0gW", "Hello.");
        assertEquals(first.digest(), retry.digest());
        assertArrayEquals(first.answerKey(), retry.answerKey(), "the retry opens the stored answer");
        assertNotEquals(first.digest(), of("x", "Hello!").digest(), "another file is another request");
        assertNotEquals(first.digest(), RequestFingerprint.of("POST", "api/v1/documents",
                upload("x", "Hello.").clone(), null).digest(), "a boundary is only left out where it is one");
    }

    @Test
    void aJsonBodyIsHashedAsItIsAndTheAnswerKeyIsNotTheFingerprint() throws Exception {
        byte[] body = "{\"text\":\"Hello\"}".getBytes(StandardCharsets.UTF_8);
        RequestFingerprint fingerprint = RequestFingerprint.of("POST", "api/v1/translate", body, null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("POST api/v1/translate\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(sha.digest(body)), fingerprint.digest(),
                "the same fingerprint as stored before multipart bodies were known");
        assertFalse(fingerprint.digest().equals(HexFormat.of().formatHex(fingerprint.answerKey())),
                "the store's fingerprint does not open the answer");
        assertNotEquals(fingerprint.digest(), RequestFingerprint.of("POST", "api/v1/translate/batch", body, null)
                .digest(), "another route is another request");
    }
}
