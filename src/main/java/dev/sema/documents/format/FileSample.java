package dev.sema.documents.format;

/**
 * A file as uploaded, for recognising its format.
 *
 * @param fileName the client's file name (may be null), a hint only
 * @param bytes    the whole file
 */
public record FileSample(String fileName, byte[] bytes) {
}
