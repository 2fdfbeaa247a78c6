package dev.sema.markup;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a translated sentence back into the document in place of its source run: the translation's text with
 * the source's own inline elements (attributes untouched, children rebuilt) and anchors where the {@link Layout}
 * put them, between the run's leading and trailing whitespace. An anchor keeps the source's spacing: a space on
 * a side where it had one, none where it had none (so {@code from {0}?} stays glued to its question mark).
 */
final class UnitRebuilder {

    private final Layout layout;
    private final String text;
    private boolean wroteAny;
    private boolean lastWasSpace;
    private boolean spaceOwed;
    /**
     * The last anchor had no space after it in the source: the translation's next space is dropped if
     * punctuation follows it ({@code {0}?}); before a word it stays, since words then moved around the anchor.
     */
    private boolean glued;

    private UnitRebuilder(Layout layout) {
        this.layout = layout;
        this.text = layout.text();
    }

    static void replace(TextUnit unit, Layout layout) {
        Node first = unit.nodes().get(0);
        Element parent = (Element) first.parentNode();
        int index = first.siblingIndex();
        unit.nodes().forEach(Node::remove);
        List<Node> out = new ArrayList<>();
        UnitRebuilder rebuilder = new UnitRebuilder(layout);
        if (!unit.lead().isEmpty()) {
            out.add(new TextNode(unit.lead()));
        }
        rebuilder.build(unit.root(), out);
        if (!unit.trail().isEmpty()) {
            out.add(new TextNode(unit.trail()));
        }
        parent.insertChildren(index, out);
    }

    private void build(InlineSpan span, List<Node> into) {
        record Event(int position, int order, InlineSpan span, Anchor anchor) {
        }
        List<Event> events = new ArrayList<>();
        span.anchors().forEach(a -> events.add(new Event(layout.position(a), 0, null, a)));
        span.children().forEach(c -> events.add(new Event(layout.start(c), 1, c, null)));
        events.sort(Comparator.comparingInt(Event::position).thenComparingInt(Event::order));
        int cursor = layout.start(span);
        for (Event e : events) {
            int at = Math.max(cursor, e.position());
            text(text.substring(cursor, at), into);
            cursor = at;
            if (e.anchor() != null) {
                anchor(e.anchor(), into);
            } else {
                Element element = e.span().element();
                element.empty();
                List<Node> children = new ArrayList<>();
                build(e.span(), children);
                element.appendChildren(children);
                into.add(element);
                cursor = Math.max(cursor, layout.end(e.span()));
            }
        }
        text(text.substring(cursor, Math.max(cursor, layout.end(span))), into);
    }

    private void text(String piece, List<Node> into) {
        if (piece.isEmpty()) {
            return;
        }
        if (spaceOwed && !UnitReader.htmlSpace(piece.charAt(0))) {
            piece = " " + piece;
        } else if (glued && punctuationFirst(piece.stripLeading())) {
            piece = piece.stripLeading();
        }
        spaceOwed = false;
        glued = false;
        if (piece.isEmpty()) {
            return;
        }
        into.add(new TextNode(piece));
        wroteAny = true;
        lastWasSpace = UnitReader.htmlSpace(piece.charAt(piece.length() - 1));
    }

    private void anchor(Anchor anchor, List<Node> into) {
        if (anchor.spaceBefore() && wroteAny && !lastWasSpace) {
            into.add(new TextNode(" "));
        } else if (!anchor.spaceBefore() && lastWasSpace && !into.isEmpty()
                && into.get(into.size() - 1) instanceof TextNode last
                && punctuationLast(last.getWholeText().stripTrailing())) {
            last.text(last.getWholeText().stripTrailing());
        }
        into.add(anchor.node());
        wroteAny = true;
        lastWasSpace = false;
        spaceOwed = anchor.spaceAfter();
        glued = !anchor.spaceAfter();
    }

    private static boolean punctuationFirst(String text) {
        return !text.isEmpty() && !Character.isLetterOrDigit(text.codePointAt(0));
    }

    private static boolean punctuationLast(String text) {
        return !text.isEmpty() && !Character.isLetterOrDigit(text.codePointBefore(text.length()));
    }
}
