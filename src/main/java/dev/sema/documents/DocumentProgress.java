package dev.sema.documents;

/**
 * A document's state for its owner.
 *
 * @param secondsRemaining an estimate from the pace of the parts done so far; null while nothing is done yet
 */
public record DocumentProgress(StoredDocument document, Long secondsRemaining) {
}
