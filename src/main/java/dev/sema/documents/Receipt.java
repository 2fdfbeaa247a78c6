package dev.sema.documents;

/**
 * What an upload returns, once: the document key is not kept by the server and cannot be asked for again.
 *
 * @param documentKey base64url of the document's 32-byte AES key
 */
public record Receipt(String documentId, String documentKey, DocumentStatus status) {
}
