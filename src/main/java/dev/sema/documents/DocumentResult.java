package dev.sema.documents;

/** A finished document's translated file, ready to send. */
public record DocumentResult(String fileName, String contentType, byte[] bytes) {
}
