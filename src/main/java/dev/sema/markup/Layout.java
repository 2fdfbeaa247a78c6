package dev.sema.markup;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where a sentence's inline elements and anchors go in its translation, as character positions of the
 * translated text. Every span of the source has exactly one range and every anchor one position; ranges of
 * siblings do not overlap and lie within their parent's, so the result always nests.
 */
final class Layout {

    private final String text;
    private final Map<InlineSpan, int[]> ranges = new IdentityHashMap<>();
    private final Map<Anchor, Integer> positions = new IdentityHashMap<>();

    Layout(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    void put(InlineSpan span, int start, int end) {
        ranges.put(span, new int[]{start, end});
    }

    void put(Anchor anchor, int position) {
        positions.put(anchor, position);
    }

    int start(InlineSpan span) {
        return ranges.get(span)[0];
    }

    int end(InlineSpan span) {
        return ranges.get(span)[1];
    }

    int position(Anchor anchor) {
        return positions.get(anchor);
    }
}
