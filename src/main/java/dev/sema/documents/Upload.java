package dev.sema.documents;

import dev.sema.accounts.ApiKey;

/**
 * A document as uploaded, checked at the edge for presence only.
 *
 * @param fileName the client's file name (a hint for the format, and the result's name)
 * @param source   the source language as named, or null to detect it from the document's text
 * @param target   the target language as named
 * @param key      the caller's API key, null for an anonymous caller
 */
public record Upload(String fileName, byte[] bytes, String source, String target, ApiKey key) {
}
