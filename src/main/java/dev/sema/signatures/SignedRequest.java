package dev.sema.signatures;

/**
 * What a signature over a request is checked against: the request as the server received it.
 *
 * @param method         the HTTP method, e.g. {@code POST}
 * @param targetUri      the absolute URI the client addressed: scheme, authority (its Host), path and query
 * @param signatureInput the {@code Signature-Input} header, null if absent
 * @param signature      the {@code Signature} header, null if absent
 * @param contentDigest  the {@code Content-Digest} header, null if absent
 * @param body           the body's bytes, empty for none
 */
public record SignedRequest(String method, String targetUri, String signatureInput, String signature,
                            String contentDigest, byte[] body) {
}
