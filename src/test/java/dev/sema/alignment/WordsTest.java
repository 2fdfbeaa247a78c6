package dev.sema.alignment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordsTest {

    /** The words as text, and for each piece the index of its word. */
    private static String words(String text, int... spans) {
        int[] starts = new int[spans.length / 2];
        int[] ends = new int[spans.length / 2];
        for (int p = 0; p < starts.length; p++) {
            starts[p] = spans[2 * p];
            ends[p] = spans[2 * p + 1];
        }
        Words words = Words.of(text, starts, ends);
        List<String> out = new ArrayList<>();
        for (int w = 0; w < words.count(); w++) {
            out.add(text.substring(words.start(w), words.end(w)));
        }
        List<Integer> wordOf = new ArrayList<>();
        for (int p = 0; p < starts.length; p++) {
            wordOf.add(words.wordOf(p));
        }
        return out + " " + wordOf;
    }

    @Test
    void piecesOfOneWordMergeAndPunctuationStaysApart() {
        assertEquals("[unbelievable, ,, ok] [0, 0, 0, 1, 2]",
                words("unbelievable, ok", 0, 2, 2, 8, 8, 12, 12, 13, 14, 16));
        assertEquals("[don, ', t] [0, 1, 2]", words("don't", 0, 3, 3, 4, 4, 5));
        assertEquals("[naïve] [0, 0]", words("naïve", 0, 2, 2, 5));
    }

    @Test
    void marksContinueAWord() {
        // Devanagari: नमस्ते split inside a cluster (consonant | virama and consonant) is still one word.
        assertEquals("[नमस्ते] [0, 0, 0]", words("नमस्ते", 0, 3, 3, 5, 5, 6));
    }

    @Test
    void unspacedScriptsKeepEachPiece() {
        assertEquals("[我, 爱, 北京] [0, 1, 2]", words("我爱北京", 0, 1, 1, 2, 2, 4));
        assertEquals("[東京, は] [0, 1]", words("東京は", 0, 2, 2, 3));
    }

    @Test
    void piecesSharingCharactersAreOneWord() {
        assertEquals("[I, ❤, you] [0, 1, 1, 1, 2]", words("I ❤ you", 0, 1, 2, 3, 2, 3, 2, 3, 4, 7));
        // ﬁ is one character NFKC turns into the f and the i of two pieces: ▁f → [0,1), ine → [0,3).
        assertEquals("[ﬁne, x] [0, 0, 1]", words("ﬁne x", 0, 1, 0, 3, 4, 5));
    }
}
