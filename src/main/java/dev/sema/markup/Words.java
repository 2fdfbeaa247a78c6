package dev.sema.markup;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a sentence as character ranges: runs of non-space characters, except that each character of a
 * script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) is a word of its own, so that a tag in
 * Chinese text can be projected onto part of a run. Projection works on these, never on parts of them.
 */
final class Words {

    private final int[] starts;
    private final int[] ends;

    private Words(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static Words of(String text) {
        List<int[]> ranges = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (space(cp)) {
                if (start >= 0) {
                    ranges.add(new int[]{start, i});
                    start = -1;
                }
            } else if (spaceless(cp)) {
                if (start >= 0) {
                    ranges.add(new int[]{start, i});
                    start = -1;
                }
                ranges.add(new int[]{i, next});
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            ranges.add(new int[]{start, text.length()});
        }
        return new Words(ranges.stream().mapToInt(r -> r[0]).toArray(), ranges.stream().mapToInt(r -> r[1]).toArray());
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

    /** First word ending after {@code from}, i.e. the first that overlaps {@code [from, ...)}; count() if none. */
    int firstEndingAfter(int from) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Words overlapping {@code [from, to)}, as an inclusive index range {@code {first, last}}; last < first when none. */
    int[] overlapping(int from, int to) {
        int first = firstEndingAfter(from);
        int last = first - 1;
        while (last + 1 < starts.length && starts[last + 1] < to) {
            last++;
        }
        return new int[]{first, last};
    }

    /** Words that end at or before {@code position}. */
    int countEndingBy(int position) {
        return firstEndingAfter(position);
    }

    static boolean space(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    static boolean hasLetter(CharSequence text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    static boolean hasLetterOrDigit(CharSequence text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean spaceless(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }
}
