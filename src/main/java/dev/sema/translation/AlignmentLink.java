package dev.sema.translation;

/**
 * One link of a word alignment: the characters {@code [sourceStart, sourceEnd)} of a source text correspond to
 * the characters {@code [targetStart, targetEnd)} of its translation (UTF-16 offsets, ends exclusive).
 */
public record AlignmentLink(int sourceStart, int sourceEnd, int targetStart, int targetEnd) {

    public AlignmentLink {
        if (sourceStart < 0 || sourceEnd <= sourceStart || targetStart < 0 || targetEnd <= targetStart) {
            throw new IllegalArgumentException("empty or negative range: " + sourceStart + "-" + sourceEnd
                    + " -> " + targetStart + "-" + targetEnd);
        }
    }
}
