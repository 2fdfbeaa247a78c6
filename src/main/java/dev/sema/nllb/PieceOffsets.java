package dev.sema.nllb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Traces SentencePiece pieces back to the characters of the original text they spell, so that anything said
 * about a piece (an alignment link) can be said about exact characters.
 *
 * <p>The pieces spell the normalized text ({@link NormalizedChars}) with {@code ▁} for word boundaries, and
 * the normalizer may have dropped white space (leading, repeated, trailing) and control characters. So each
 * piece, without its {@code ▁}, is matched against the normalized characters from where the previous one
 * ended, skipping such characters where they do not match. A piece without a known spelling (SentencePiece's
 * {@code <unk>}, byte-fallback pieces {@code <0xNN>}) is a wildcard: a run of them covers what lies between
 * its neighbours, and every piece of the run gets that whole range. A piece that is only {@code ▁} covers no
 * character. When a known piece does not match, the text is not one these pieces spell (a normalization
 * this class does not model), and the answer is empty rather than a guess.
 */
final class PieceOffsets {

    private static final char WORD_BOUNDARY = '\u2581';

    /**
     * @param starts per piece, the first character of the original it spells; -1 when it spells none
     * @param ends   per piece, the end (exclusive) of those characters; -1 when it spells none
     */
    record Spans(int[] starts, int[] ends) {
    }

    private PieceOffsets() {
    }

    /**
     * @param nfkc   whether the model's normalizer applies NFKC ({@link NormalizedChars})
     * @param pieces per piece its spelling, or null when unknown (unk and byte pieces)
     * @return the original characters of each piece; empty when the pieces do not spell {@code text}
     */
    static Optional<Spans> locate(String text, boolean nfkc, List<String> pieces) {
        NormalizedChars normalized = NormalizedChars.of(text, nfkc);
        int count = pieces.size();
        int[] starts = new int[count];
        int[] ends = new int[count];
        Arrays.fill(starts, -1);
        Arrays.fill(ends, -1);
        int position = 0;
        int i = 0;
        while (i < count) {
            if (pieces.get(i) == null) {
                int runEnd = i;
                while (runEnd < count && pieces.get(runEnd) == null) {
                    runEnd++;
                }
                int to = runEnd < count && spelling(pieces.get(runEnd)).isEmpty()
                        ? wordEnd(normalized, position)
                        : wildcardEnd(normalized, position, nextSpelling(pieces, runEnd));
                if (to < 0) {
                    return Optional.empty();
                }
                int[] range = trimmed(normalized, position, to);
                for (int k = i; k < runEnd && range[1] > range[0]; k++) {
                    starts[k] = normalized.originStart(range[0]);
                    ends[k] = normalized.originEnd(range[1] - 1);
                }
                position = to;
                i = runEnd;
                continue;
            }
            String spelling = spelling(pieces.get(i));
            if (!spelling.isEmpty()) {
                int[] match = match(normalized, position, spelling);
                if (match == null) {
                    return Optional.empty();
                }
                starts[i] = normalized.originStart(match[0]);
                ends[i] = normalized.originEnd(match[1] - 1);
                position = match[1];
            }
            i++;
        }
        return Optional.of(new Spans(starts, ends));
    }

    private static String spelling(String piece) {
        return piece.indexOf(WORD_BOUNDARY) < 0 ? piece : piece.replace(String.valueOf(WORD_BOUNDARY), "");
    }

    /** The spelling of the known piece at {@code index}; null when there is none (the run ends the text). */
    private static String nextSpelling(List<String> pieces, int index) {
        return index < pieces.size() ? spelling(pieces.get(index)) : null;
    }

    /**
     * Where a run of wildcards followed by a bare word boundary ends: at the first skippable character after
     * at least one that is not (the boundary's white space), or the end of the text; -1 when nothing is left.
     */
    private static int wordEnd(NormalizedChars normalized, int from) {
        int at = from;
        while (at < normalized.length() && normalized.skippable(at)) {
            at++;
        }
        if (at == normalized.length()) {
            return -1;
        }
        while (at < normalized.length() && !normalized.skippable(at)) {
            at++;
        }
        return at;
    }

    /**
     * Where a run of wildcards starting at {@code from} ends: where the next known spelling first matches after
     * at least one character, or the end of the text when no known piece follows; -1 when it never matches.
     */
    private static int wildcardEnd(NormalizedChars normalized, int from, String next) {
        if (next == null) {
            return normalized.length() > from ? normalized.length() : -1;
        }
        for (int at = from + 1; at < normalized.length(); at++) {
            if (match(normalized, at, next) != null) {
                return at;
            }
        }
        return -1;
    }

    /** {@code [from, to)} without skippable characters at either end. */
    private static int[] trimmed(NormalizedChars normalized, int from, int to) {
        while (from < to && normalized.skippable(from)) {
            from++;
        }
        while (to > from && normalized.skippable(to - 1)) {
            to--;
        }
        return new int[]{from, to};
    }

    /**
     * Matches {@code spelling} from {@code from}, skipping skippable characters that do not match.
     *
     * @return {@code [start, end)} of the match in normalized characters, or null
     */
    private static int[] match(NormalizedChars normalized, int from, String spelling) {
        int at = from;
        int start = -1;
        for (int k = 0; k < spelling.length(); k++) {
            char wanted = spelling.charAt(k);
            while (at < normalized.length() && normalized.charAt(at) != wanted && normalized.skippable(at)) {
                at++;
            }
            if (at == normalized.length() || normalized.charAt(at) != wanted) {
                return null;
            }
            if (start < 0) {
                start = at;
            }
            at++;
        }
        return new int[]{start, at};
    }
}
