package dev.sema.translation;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a text may be cut, from coarse to fine. Every method returns positions strictly inside
 * {@code [start, end)}, ascending, on code point boundaries. ICU break iterators are not thread-safe, so
 * each call makes its own (a clone of ICU's cached prototype).
 */
final class SegmentBoundaries {

    /** Clause punctuation after which a long sentence may be cut: Latin, CJK full-width, Arabic, Ethiopic. */
    private static final String CLAUSE_PUNCTUATION = ",;:\uFF0C\u3001\uFF1B\uFF1A\u060C\u061B\u1363\u1364\u1365";

    private SegmentBoundaries() {
    }

    /** Positions just after every line terminator: paragraphs and lines are never translated together. */
    static List<Integer> lineEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if ("\n\r\u000B\u000C\u0085\u2028\u2029".indexOf(text.charAt(i)) >= 0) {
                ends.add(i + 1);
            }
        }
        return ends;
    }

    /** ICU sentence boundaries (UAX #29, with the locale's abbreviation suppressions where ICU has them). */
    static List<Integer> sentences(String text, int start, int end, ULocale locale) {
        return icu(BreakIterator.getSentenceInstance(locale), text, start, end);
    }

    /**
     * After clause punctuation (not a comma between digits, as in 1,000), and after white space between
     * letters of scripts that write no spaces between words (Thai, Lao, Khmer, Myanmar), where a space
     * separates phrases and sentences.
     */
    static List<Integer> clauses(String text, int start, int end) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            boolean punctuation = CLAUSE_PUNCTUATION.indexOf(codePoint) >= 0 && !betweenDigits(text, i, next, end);
            boolean phraseSpace = SegmentedText.isWhiteSpace(codePoint) && i > start
                    && isScriptWithoutSpaces(text.codePointBefore(i));
            if ((punctuation || phraseSpace) && next < end) {
                cuts.add(next);
            }
            i = next;
        }
        return cuts;
    }

    /** ICU word boundaries: dictionary-based for Chinese, Japanese, Thai, Lao, Khmer and Myanmar. */
    static List<Integer> words(String text, int start, int end, ULocale locale) {
        return icu(BreakIterator.getWordInstance(locale), text, start, end);
    }

    /** User-perceived characters, so that a hard cut never splits a surrogate pair or combining sequence. */
    static List<Integer> graphemes(String text, int start, int end, ULocale locale) {
        return icu(BreakIterator.getCharacterInstance(locale), text, start, end);
    }

    private static List<Integer> icu(BreakIterator iterator, String text, int start, int end) {
        iterator.setText(text.substring(start, end));
        List<Integer> cuts = new ArrayList<>();
        for (int boundary = iterator.next(); boundary != BreakIterator.DONE && start + boundary < end;
             boundary = iterator.next()) {
            cuts.add(start + boundary);
        }
        return cuts;
    }

    private static boolean betweenDigits(String text, int at, int next, int end) {
        return at > 0 && next < end && Character.isDigit(text.codePointBefore(at))
                && Character.isDigit(text.codePointAt(next));
    }

    private static boolean isScriptWithoutSpaces(int codePoint) {
        int script = UScript.getScript(codePoint);
        return script == UScript.THAI || script == UScript.LAO || script == UScript.KHMER
                || script == UScript.MYANMAR;
    }
}
