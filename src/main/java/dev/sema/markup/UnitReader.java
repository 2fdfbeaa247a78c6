package dev.sema.markup;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Reads one run of inline content into a {@link TextUnit}: text nodes become the model's text (HTML whitespace
 * collapsed to single spaces), inline elements with words become spans, everything else an anchor.
 */
final class UnitReader {

    private final ElementRoles roles;
    private final StringBuilder text = new StringBuilder();
    /** Spans opened since the last character was written: they start at the next one. */
    private final List<InlineSpan> unstarted = new ArrayList<>();
    /** Spans holding anchors that still wait to learn whether whitespace follows them, with their indexes. */
    private final List<InlineSpan> awaitingSpans = new ArrayList<>();
    private final List<Integer> awaitingIndexes = new ArrayList<>();
    /** Whitespace since the last character: one space goes into the text before the next one. */
    private boolean pendingSpace;
    /** Whitespace since the last character or anchor: what an anchor's neighbours learn. */
    private boolean spaceSinceLast;

    private UnitReader(ElementRoles roles) {
        this.roles = roles;
    }

    static TextUnit read(List<Node> run, ElementRoles roles) {
        UnitReader reader = new UnitReader(roles);
        InlineSpan root = new InlineSpan(null);
        root.startAt(0);
        for (Node node : run) {
            reader.visit(node, root);
        }
        reader.finishAnchors(false);
        root.endAt(reader.text.length());
        return new TextUnit(run, reader.text.toString(), root, edge(run.get(0), true),
                edge(run.get(run.size() - 1), false));
    }

    private void visit(Node node, InlineSpan parent) {
        if (node instanceof CDataNode) {
            anchor(node, parent);
        } else if (node instanceof TextNode t) {
            appendText(t.getWholeText(), parent);
        } else if (node instanceof Element e && roles.of(e) == Role.INLINE && hasWords(e)) {
            InlineSpan span = new InlineSpan(e);
            parent.add(span);
            unstarted.add(span);
            for (Node child : e.childNodes()) {
                visit(child, span);
            }
            span.endAt(span.started() ? text.length() : -1);
        } else {
            anchor(node, parent);
        }
    }

    private void appendText(String raw, InlineSpan parent) {
        Matcher placeholder = Placeholders.PATTERN.matcher(raw);
        int from = 0;
        while (placeholder.find()) {
            appendChars(raw, from, placeholder.start());
            anchor(new TextNode(placeholder.group()), parent);
            from = placeholder.end();
        }
        appendChars(raw, from, raw.length());
    }

    private void appendChars(String raw, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (htmlSpace(c)) {
                pendingSpace = true;
                spaceSinceLast = true;
                continue;
            }
            finishAnchors(spaceSinceLast);
            spaceSinceLast = false;
            if (pendingSpace && !text.isEmpty()) {
                text.append(' ');
            }
            pendingSpace = false;
            for (InlineSpan span : unstarted) {
                span.startAt(text.length());
            }
            unstarted.clear();
            text.append(c);
        }
    }

    private void anchor(Node node, InlineSpan parent) {
        finishAnchors(spaceSinceLast);
        awaitingSpans.add(parent);
        awaitingIndexes.add(parent.anchors().size());
        parent.add(new Anchor(node, text.length(), spaceSinceLast && !text.isEmpty(), false));
        spaceSinceLast = false;
    }

    /** The anchors written since the last character learn whether whitespace came between them and it. */
    private void finishAnchors(boolean space) {
        for (int i = 0; i < awaitingSpans.size(); i++) {
            InlineSpan span = awaitingSpans.get(i);
            Anchor a = span.anchors().get(awaitingIndexes.get(i));
            span.replace(awaitingIndexes.get(i), new Anchor(a.node(), a.position(), a.spaceBefore(), space));
        }
        awaitingSpans.clear();
        awaitingIndexes.clear();
    }

    private boolean hasWords(Element element) {
        StringBuilder words = new StringBuilder();
        collect(element, words);
        return Words.hasLetterOrDigit(Placeholders.PATTERN.matcher(words).replaceAll(" "));
    }

    private void collect(Element element, StringBuilder into) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t && !(child instanceof CDataNode)) {
                into.append(t.getWholeText());
            } else if (child instanceof Element e && roles.of(e) == Role.INLINE) {
                collect(e, into);
            }
        }
    }

    private static String edge(Node node, boolean leading) {
        if (!(node instanceof TextNode t) || node instanceof CDataNode) {
            return "";
        }
        String s = t.getWholeText();
        int i = leading ? 0 : s.length();
        while (leading ? i < s.length() && htmlSpace(s.charAt(i)) : i > 0 && htmlSpace(s.charAt(i - 1))) {
            i += leading ? 1 : -1;
        }
        return leading ? s.substring(0, i) : s.substring(i);
    }

    /** HTML's ASCII whitespace, which a browser collapses; a no-break space is a character like any other. */
    static boolean htmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
