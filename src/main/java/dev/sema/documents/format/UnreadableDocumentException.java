package dev.sema.documents.format;

/**
 * A file that cannot be translated as it is: corrupt, encrypted or password-protected, or refused as unsafe (a zip
 * bomb, a path that leaves the archive). The message is for people and ends up as the job's {@code error}; it
 * never quotes the document's text.
 */
public class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
