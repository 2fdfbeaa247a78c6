package dev.sema.documents;

import dev.sema.accounts.ApiKey;
import dev.sema.glossary.Glossary;

/**
 * A document as uploaded, checked at the edge for presence only.
 *
 * @param fileName the client's file name (a hint for the format, and the result's name)
 * @param source   the source language as named, or null to detect it from the document's text
 * @param target   the target language as named
 * @param key      the caller's API key, null for an anonymous caller
 * @param glossary the caller's glossary whose terms every part must contain (as resolved for the caller, so
 *                 already checked as theirs), or null; its current version is the one the document gets
 */
public record Upload(String fileName, byte[] bytes, String source, String target, ApiKey key, Glossary glossary) {

    /** An upload without a glossary. */
    public Upload(String fileName, byte[] bytes, String source, String target, ApiKey key) {
        this(fileName, bytes, source, target, key, null);
    }
}
