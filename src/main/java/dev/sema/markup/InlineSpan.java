package dev.sema.markup;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An inline element of a sentence with the characters of the model's text it wraps, its inline children and the
 * anchors directly inside it. The sentence itself is the root span (no element), so that nesting is one tree.
 * Filled in while the sentence is read, then only read.
 */
final class InlineSpan {

    private final Element element;
    private final List<InlineSpan> children = new ArrayList<>();
    private final List<Anchor> anchors = new ArrayList<>();
    private int start = -1;
    private int end = -1;

    InlineSpan(Element element) {
        this.element = element;
    }

    /** Null for the sentence's root span. */
    Element element() {
        return element;
    }

    List<InlineSpan> children() {
        return Collections.unmodifiableList(children);
    }

    List<Anchor> anchors() {
        return Collections.unmodifiableList(anchors);
    }

    /** First character wrapped, in the model's text. */
    int start() {
        return start;
    }

    /** One past the last character wrapped. */
    int end() {
        return end;
    }

    void add(InlineSpan child) {
        children.add(child);
    }

    void add(Anchor anchor) {
        anchors.add(anchor);
    }

    void replace(int index, Anchor anchor) {
        anchors.set(index, anchor);
    }

    boolean started() {
        return start >= 0;
    }

    void startAt(int position) {
        start = position;
    }

    void endAt(int position) {
        end = position;
    }
}
