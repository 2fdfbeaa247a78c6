package dev.sema.api.filter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests the same for an idempotency key: method, route and the exact body (of a multipart upload,
 * the form as its resource writes it), hashed. From the same bytes comes a second, independent digest that seals the
 * stored answer: a retry, which sends the body again, can open it, but a copy of the idempotency store (the
 * fingerprint included) cannot, since the body is never kept.
 *
 * @param digest    hex SHA-256, what the idempotency store compares
 * @param answerKey 32 bytes to seal the answer with
 */
record RequestFingerprint(String digest, byte[] answerKey) {

    static RequestFingerprint of(String method, String path, byte[] body) {
        byte[] route = (method + " " + path + "\n").getBytes(StandardCharsets.UTF_8);
        MessageDigest request = sha256();
        request.update(route);
        MessageDigest answer = sha256();
        answer.update("answer\n".getBytes(StandardCharsets.UTF_8));
        answer.update(route);
        return new RequestFingerprint(HexFormat.of().formatHex(request.digest(body)), answer.digest(body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
