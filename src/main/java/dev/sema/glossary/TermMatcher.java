package dev.sema.glossary;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a dictionary's source terms in a text: case-insensitively ({@link TermFolding}), on whole words by ICU's
 * word boundaries, except that in scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) a term
 * may start or end inside a word, since there a "word" is only the segmenter's guess. Scanning left to right,
 * the earliest term wins and, from one position, the longest; matches never overlap.
 *
 * <p>A trie over the folded terms, walked from each word start, so the cost grows with the text and the term
 * lengths, not with the number of entries. Immutable and thread-safe once built.
 */
public final class TermMatcher {

    private static final class Node {
        private final Map<Character, Node> children = new HashMap<>(4);
        private GlossaryEntry entry;
    }

    private final Node root = new Node();

    public TermMatcher(List<GlossaryEntry> entries) {
        for (GlossaryEntry entry : entries) {
            Node node = root;
            for (char c : TermFolding.fold(entry.source()).toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Node());
            }
            node.entry = entry;
        }
    }

    /** The matches in {@code text}, in text order. */
    public List<TermMatch> find(String text) {
        String folded = TermFolding.fold(text);
        BitSet boundaries = wordBoundaries(text);
        List<TermMatch> matches = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            TermMatch match = startAllowed(text, boundaries, start) ? longestAt(text, folded, boundaries, start) : null;
            if (match != null) {
                matches.add(match);
                start = match.end();
            } else {
                start++;
            }
        }
        return List.copyOf(matches);
    }

    private TermMatch longestAt(String text, String folded, BitSet boundaries, int start) {
        TermMatch longest = null;
        Node node = root;
        for (int end = start; end < folded.length(); end++) {
            node = node.children.get(folded.charAt(end));
            if (node == null) {
                break;
            }
            if (node.entry != null && endAllowed(text, boundaries, end + 1)) {
                longest = new TermMatch(start, end + 1, node.entry);
            }
        }
        return longest;
    }

    private static boolean startAllowed(String text, BitSet boundaries, int index) {
        return boundaries.get(index) || withoutSpaces(text.codePointAt(index));
    }

    private static boolean endAllowed(String text, BitSet boundaries, int index) {
        return boundaries.get(index) || withoutSpaces(text.codePointBefore(index));
    }

    private static BitSet wordBoundaries(String text) {
        BitSet boundaries = new BitSet(text.length() + 1);
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(text);
        for (int boundary = words.first(); boundary != BreakIterator.DONE; boundary = words.next()) {
            boundaries.set(boundary);
        }
        return boundaries;
    }

    private static boolean withoutSpaces(int codePoint) {
        return switch (UScript.getScript(codePoint)) {
            case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO, UScript.KHMER,
                 UScript.MYANMAR -> true;
            default -> false;
        };
    }
}
