package dev.sema.documents;

import dev.sema.accounts.Reservation;

import java.time.OffsetDateTime;

/**
 * A document's row without its bytes.
 *
 * @param keyId       the API key that uploaded it, null for an anonymous caller
 * @param keySha256   SHA-256 (hex) of the document key, to check a client's key without keeping it
 * @param reservation its quota reservation while it holds one, else null
 */
public record StoredDocument(String id, String keyId, String keySha256, DocumentStatus status, String format,
                             String fileName, String sourceLanguage, String targetLanguage, int segmentsTotal,
                             int segmentsDone, long billedCharacters, Reservation reservation, String error,
                             OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
