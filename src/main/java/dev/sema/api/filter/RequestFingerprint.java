package dev.sema.api.filter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests the same for an idempotency key: method, route and the exact body, hashed. Of a multipart
 * body (a document upload) the boundary is left out: clients draw a new one for every request, a retry included
 * (curl, browsers, the JDK's client), while the parts between the boundaries are what the client sent.
 *
 * <p>From the same bytes comes a second, independent digest that seals the stored answer: a retry, which sends the
 * body again, can open it, but a copy of the idempotency store (the fingerprint included) cannot, since the body is
 * never kept. That matters for a document upload, whose answer holds the document's key.
 *
 * @param digest    hex SHA-256, what the idempotency store compares
 * @param answerKey 32 bytes to seal the answer with
 */
record RequestFingerprint(String digest, byte[] answerKey) {

    /** Stands where a multipart boundary stood, so that the parts stay apart in the digest. */
    private static final byte[] DELIMITER = {0, '-', '-', 0};

    /** @param boundary the multipart boundary of the body's media type, or null for any other body */
    static RequestFingerprint of(String method, String path, byte[] body, String boundary) {
        MessageDigest request = sha256();
        MessageDigest answer = sha256();
        answer.update("answer\n".getBytes(StandardCharsets.UTF_8));
        byte[] route = (method + " " + path + "\n").getBytes(StandardCharsets.UTF_8);
        request.update(route);
        answer.update(route);
        byte[] delimiter = boundary == null || boundary.isEmpty() ? null
                : ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int at = next(body, delimiter, 0); at >= 0; at = next(body, delimiter, from)) {
            feed(request, answer, body, from, at - from);
            feed(request, answer, DELIMITER, 0, DELIMITER.length);
            from = at + delimiter.length;
        }
        feed(request, answer, body, from, body.length - from);
        return new RequestFingerprint(HexFormat.of().formatHex(request.digest()), answer.digest());
    }

    private static void feed(MessageDigest one, MessageDigest two, byte[] bytes, int offset, int length) {
        one.update(bytes, offset, length);
        two.update(bytes, offset, length);
    }

    /** The index of the delimiter's next occurrence from {@code from}, or -1 (always, without a delimiter). */
    private static int next(byte[] body, byte[] delimiter, int from) {
        if (delimiter == null) {
            return -1;
        }
        outer:
        for (int i = from; i <= body.length - delimiter.length; i++) {
            for (int k = 0; k < delimiter.length; k++) {
                if (body[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
