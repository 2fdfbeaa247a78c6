package dev.sema.markup;

import dev.sema.translation.AlignmentLink;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Projects a sentence's inline elements onto its translation. Each element goes around the translated words
 * the aligner links to the words it wrapped (first to last, so it stays one piece), within its parent's words
 * and clear of the siblings placed before it. An element the links cannot place (no links, or only words a
 * sibling took) falls back to the nearest whole words: the same share of its parent's translation as it had of
 * the source, cut to the longest stretch still free, else the nearest free word, else an empty element at the
 * parent's end. Anchors go after the translation of the word before them. Nothing is ever dropped or doubled,
 * whatever the model wrote and whatever the aligner answered.
 */
final class TagProjection {

    private final TextUnit unit;
    private final Words source;
    private final Words target;
    private final WordLinks links;
    private final Layout layout;

    private TagProjection(TextUnit unit, String translation, List<AlignmentLink> alignment) {
        this.unit = unit;
        this.source = Words.of(unit.text());
        this.target = Words.of(translation);
        this.links = WordLinks.of(source, target, alignment, unit.text().length(), translation.length());
        this.layout = new Layout(translation);
    }

    static Layout project(TextUnit unit, String translation, List<AlignmentLink> alignment) {
        TagProjection projection = new TagProjection(unit, translation, alignment);
        InlineSpan root = unit.root();
        projection.layout.put(root, 0, translation.length());
        projection.place(root, 0, projection.target.count() - 1, 0, source(projection.source, root));
        return projection.layout;
    }

    /** Source words of a span, as an inclusive range. */
    private static int[] source(Words words, InlineSpan span) {
        return span.element() == null ? new int[]{0, words.count() - 1} : words.overlapping(span.start(), span.end());
    }

    /**
     * @param lo, hi   the target words the parent owns (inclusive); none when {@code lo > hi}
     * @param emptyAt  where the parent sits when it owns no words
     * @param parentSource the parent's source words
     */
    private void place(InlineSpan parent, int lo, int hi, int emptyAt, int[] parentSource) {
        List<InlineSpan> children = parent.children();
        int[][] assigned = new int[children.size()][];
        if (lo <= hi) {
            BitSet taken = new BitSet();
            assignLinked(children, lo, hi, taken, assigned);
            for (int i = 0; i < children.size(); i++) {
                if (assigned[i] == null) {
                    assigned[i] = fallback(source(source, children.get(i)), parentSource, lo, hi, taken);
                }
            }
        }
        for (int i = 0; i < children.size(); i++) {
            InlineSpan child = children.get(i);
            int[] words = assigned[i];
            if (words != null && words[0] <= words[1]) {
                layout.put(child, target.start(words[0]), target.end(words[1]));
                place(child, words[0], words[1], 0, source(source, child));
            } else {
                int at = lo <= hi ? target.end(hi) : emptyAt;
                layout.put(child, at, at);
                place(child, 1, 0, at, source(source, child));
            }
        }
        for (Anchor anchor : parent.anchors()) {
            layout.put(anchor, lo <= hi ? anchorPosition(anchor, parent, lo, hi, parentSource) : emptyAt);
        }
    }

    /** Children in the order of their linked words; each gets its linked words minus what earlier ones took. */
    private void assignLinked(List<InlineSpan> children, int lo, int hi, BitSet taken, int[][] assigned) {
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            int[] words = source(source, children.get(i));
            BitSet linked = links.targets(words[0], words[1]).get(lo, hi + 1);
            if (!linked.isEmpty()) {
                candidates.add(new int[]{i, lo + linked.nextSetBit(0), lo + linked.length() - 1});
            }
        }
        candidates.sort(Comparator.<int[]>comparingInt(c -> c[1]).thenComparingInt(c -> c[0]));
        int free = lo;
        for (int[] c : candidates) {
            int start = Math.max(c[1], free);
            if (start <= c[2]) {
                assigned[c[0]] = new int[]{start, c[2]};
                taken.set(start, c[2] + 1);
                free = c[2] + 1;
            }
        }
    }

    private static int[] fallback(int[] words, int[] parentWords, int lo, int hi, BitSet taken) {
        int n = Math.max(1, parentWords[1] - parentWords[0] + 1);
        int m = hi - lo + 1;
        int first = Math.max(words[0], parentWords[0]) - parentWords[0];
        int last = Math.max(first, Math.min(words[1], parentWords[1]) - parentWords[0]);
        int from = Math.min(hi, lo + (int) ((long) first * m / n));
        int to = Math.max(from, Math.min(hi, lo + (int) Math.ceil((double) (last + 1) * m / n) - 1));
        int[] run = longestFree(taken, from, to);
        if (run == null) {
            int word = nearestFree(taken, (from + to) / 2, lo, hi);
            run = word < 0 ? null : new int[]{word, word};
        }
        if (run != null) {
            taken.set(run[0], run[1] + 1);
        }
        return run;
    }

    private static int[] longestFree(BitSet taken, int from, int to) {
        int[] best = null;
        for (int start = taken.nextClearBit(from); start <= to; ) {
            int end = Math.min(to + 1, taken.nextSetBit(start) < 0 ? to + 1 : taken.nextSetBit(start));
            if (best == null || end - start > best[1] - best[0] + 1) {
                best = new int[]{start, end - 1};
            }
            start = taken.nextClearBit(end);
        }
        return best;
    }

    private static int nearestFree(BitSet taken, int center, int lo, int hi) {
        for (int d = 0; center - d >= lo || center + d <= hi; d++) {
            if (center - d >= lo && !taken.get(center - d)) {
                return center - d;
            }
            if (center + d <= hi && !taken.get(center + d)) {
                return center + d;
            }
        }
        return -1;
    }

    /**
     * At the parent's start or end if it stood before or after all the parent's words, else after the translation
     * of the source word before it; never inside a child element.
     */
    private int anchorPosition(Anchor anchor, InlineSpan parent, int lo, int hi, int[] parentSource) {
        int before = source.countEndingBy(anchor.position()) - 1;
        int position;
        if (before < parentSource[0]) {
            position = target.start(lo);
        } else if (before >= parentSource[1]) {
            position = target.end(hi);
        } else {
            BitSet linked = links.targets(before, before).get(lo, hi + 1);
            if (!linked.isEmpty()) {
                position = target.end(lo + linked.length() - 1);
            } else {
                int n = Math.max(1, parentSource[1] - parentSource[0] + 1);
                int word = lo + (int) Math.round((double) (before - parentSource[0] + 1) * (hi - lo + 1) / n) - 1;
                position = word < lo ? target.start(lo) : target.end(Math.min(word, hi));
            }
        }
        for (InlineSpan child : parent.children()) {
            if (layout.start(child) < position && position < layout.end(child)) {
                position = layout.end(child);
            }
        }
        return position;
    }
}
