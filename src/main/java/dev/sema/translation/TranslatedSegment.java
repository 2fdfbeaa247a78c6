package dev.sema.translation;

import java.util.Optional;

/**
 * Where one segment (a sentence) of a text and its translation lie, so that words are aligned segment by
 * segment, as the model translated them, with the encoder states of the source when the decoder produced them.
 * Offsets are UTF-16 indices, ends exclusive.
 *
 * @param sourceStart, sourceEnd the segment in the source text
 * @param targetStart, targetEnd its translation in the translated text
 * @param encoding    the source segment as the engine encoded it; empty when its translation came from the cache
 *                    (no encoder ran) or the caller did not ask for it
 */
public record TranslatedSegment(int sourceStart, int sourceEnd, int targetStart, int targetEnd,
                                Optional<SourceEncoding> encoding) {

    public TranslatedSegment {
        if (sourceStart < 0 || sourceEnd < sourceStart || targetStart < 0 || targetEnd < targetStart) {
            throw new IllegalArgumentException("negative range: " + sourceStart + "-" + sourceEnd + " -> "
                    + targetStart + "-" + targetEnd);
        }
    }

    /** The same segment in a translation with {@code removed} characters fewer before it (a trimmed start). */
    public TranslatedSegment shiftTarget(int removed) {
        return new TranslatedSegment(sourceStart, sourceEnd, Math.max(0, targetStart - removed),
                Math.max(0, targetEnd - removed), encoding);
    }
}
