package dev.sema.nllb;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text as SentencePiece's normalizer sees it, each character tied to the characters of the original it came
 * from, so that pieces (which spell the normalized text) can be traced back to exact ranges of the original.
 *
 * <p>NLLB normalizes with NFKC ({@code nmt_nfkc}): a full-width {@code Ａ} becomes {@code A}, the ligature
 * {@code ﬁ} becomes {@code fi}, and {@code e} + U+0301 becomes {@code é}. The text is normalized cluster by
 * cluster (a base character with its combining marks), not as a whole, so every normalized character knows
 * its cluster. Composition within a cluster is what NFKC does in practice, so this agrees with whole-text NFKC;
 * where it would not (conjoining Hangul jamo), the pieces fail to match and {@link PieceOffsets} says so
 * rather than guess. For an identity normalizer (the test models) NFKC leaves ordinary text unchanged too.
 */
final class NormalizedChars {

    private final char[] chars;
    private final int[] originStart;
    private final int[] originEnd;

    private NormalizedChars(char[] chars, int[] originStart, int[] originEnd) {
        this.chars = chars;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    /** @param nfkc whether the model normalizes with NFKC; when not, characters stay as they are */
    static NormalizedChars of(String text, boolean nfkc) {
        StringBuilder normalized = new StringBuilder(text.length());
        int[] starts = new int[text.length() * 2 + 4];
        int[] ends = new int[starts.length];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            int end = clusterEnd(text, i);
            String original = text.substring(i, end);
            String cluster = nfkc ? Normalizer.normalize(original, Normalizer.Form.NFKC) : original;
            // Pieces may split a cluster (a Devanagari consonant and its vowel sign): unchanged characters keep
            // their own position; only characters NFKC rewrote stand for the whole cluster.
            boolean unchanged = cluster.equals(original);
            for (int k = 0; k < cluster.length(); k++) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = unchanged ? i + k : i;
                ends[count] = unchanged ? i + k + 1 : end;
                count++;
            }
            normalized.append(cluster);
            i = end;
        }
        return new NormalizedChars(normalized.toString().toCharArray(), Arrays.copyOf(starts, count),
                Arrays.copyOf(ends, count));
    }

    /** End of the cluster starting at {@code start}: one code point and the combining marks after it. */
    private static int clusterEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < text.length() && isMark(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    int length() {
        return chars.length;
    }

    char charAt(int index) {
        return chars[index];
    }

    /** Whether the normalizer may have dropped or turned into a word boundary the character at {@code index}. */
    boolean skippable(int index) {
        char c = chars[index];
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                || type == Character.FORMAT;
    }

    /** First character of the original that normalized character {@code index} came from. */
    int originStart(int index) {
        return originStart[index];
    }

    /** End (exclusive) of the original characters that normalized character {@code index} came from. */
    int originEnd(int index) {
        return originEnd[index];
    }
}
