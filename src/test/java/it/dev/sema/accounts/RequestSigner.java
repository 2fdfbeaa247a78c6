package it.dev.sema.accounts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A client's RFC 9421 signer, written as the README's Java recipe (independently of the server's parser): the
 * headers a signed request adds to its bearer key.
 */
record RequestSigner(String keyId, String signingSecret) {

    /** Content-Digest, Signature-Input and Signature for the request, created at {@code created} (Unix seconds). */
    Map<String, String> headers(String method, String targetUri, byte[] body, long created, String nonce)
            throws GeneralSecurityException {
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        String params = "(\"@method\" \"@target-uri\" \"content-digest\");created=" + created
                + ";keyid=\"" + keyId + "\";alg=\"hmac-sha256\";nonce=\"" + nonce + "\"";
        String base = "\"@method\": " + method + "\n"
                + "\"@target-uri\": " + targetUri + "\n"
                + "\"content-digest\": " + digest + "\n"
                + "\"@signature-params\": " + params;
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(hmac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Digest", digest);
        headers.put("Signature-Input", "sig1=" + params);
        headers.put("Signature", "sig1=:" + signature + ":");
        return headers;
    }

    /** As {@link #headers}, signed now with a fresh nonce. */
    Map<String, String> now(String method, String targetUri, byte[] body) throws GeneralSecurityException {
        return headers(method, targetUri, body, System.currentTimeMillis() / 1000, UUID.randomUUID().toString());
    }
}
