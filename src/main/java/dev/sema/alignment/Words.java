package dev.sema.alignment;

import java.util.Arrays;
import java.util.Set;

/**
 * Groups the pieces of a text into the units links are reported on: words, so that a tag wrapping a word
 * moves with all of it. A piece continues the word before it when nothing lies between them and both sides
 * of the seam are letters, digits or marks: {@code ▁un|believ|able} is one word, {@code hello|,} two, so
 * punctuation stays apart and a tag that ends before a comma still does. Pieces that share characters (a
 * wildcard run of unknown characters, both halves of an NFKC ligature such as {@code ﬁ}) share one word. Scripts written without spaces (Han, kana, Thai, Lao, Khmer,
 * Myanmar, Tibetan) have no words to find this way, so each of their pieces is a unit of its own.
 */
final class Words {

    private static final Set<Character.UnicodeScript> UNSPACED = Set.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR,
            Character.UnicodeScript.TIBETAN);

    private final int[] wordOfPiece;
    private final int[] starts;
    private final int[] ends;

    private Words(int[] wordOfPiece, int[] starts, int[] ends) {
        this.wordOfPiece = wordOfPiece;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * @param text   the text the pieces spell
     * @param starts per piece, in text order, its first character
     * @param ends   per piece, the end (exclusive) of its characters
     */
    static Words of(String text, int[] starts, int[] ends) {
        int count = starts.length;
        int[] wordOfPiece = new int[count];
        int[] wordStarts = new int[count];
        int[] wordEnds = new int[count];
        int words = 0;
        for (int p = 0; p < count; p++) {
            if (p > 0 && continues(text, wordEnds[words - 1], starts[p])) {
                wordEnds[words - 1] = Math.max(wordEnds[words - 1], ends[p]);
            } else {
                wordStarts[words] = starts[p];
                wordEnds[words] = ends[p];
                words++;
            }
            wordOfPiece[p] = words - 1;
        }
        return new Words(wordOfPiece, Arrays.copyOf(wordStarts, words),
                Arrays.copyOf(wordEnds, words));
    }

    private static boolean continues(String text, int previousEnd, int start) {
        if (start < previousEnd) {
            return true;
        }
        if (start > previousEnd) {
            return false;
        }
        int before = text.codePointBefore(start);
        int after = text.codePointAt(start);
        return wordCharacter(before) && wordCharacter(after) && !unspaced(before) && !unspaced(after);
    }

    private static boolean wordCharacter(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    private static boolean unspaced(int codePoint) {
        return UNSPACED.contains(Character.UnicodeScript.of(codePoint));
    }

    int wordOf(int piece) {
        return wordOfPiece[piece];
    }

    int count() {
        return starts.length;
    }

    int start(int word) {
        return starts[word];
    }

    int end(int word) {
        return ends[word];
    }
}
