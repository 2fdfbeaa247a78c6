package dev.sema.documents.office;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;

/** What a paragraph holds, as its fragment shows it: text, things kept whole, and spans that wrap more of both. */
sealed interface Inline {

    /** The original node(s) this item stands for, removed from the paragraph when it is rebuilt. */
    List<Node> origin();

    /**
     * Text with the formatting of {@code style}: a run (OOXML), a plain span (ODF), or null for text that stands
     * directly in its container.
     */
    record Text(String text, Element style, List<Node> origin) implements Inline {
    }

    /** A tab, break, image, field, note reference...: copied whole, inside a run styled as {@code style}. */
    record Atom(Node node, Element style, List<Node> origin) implements Inline {
    }

    /** A link, an insertion, a span with more inside: rebuilt as a shallow copy around its translated content. */
    record Span(Element element, List<Inline> items) implements Inline {

        @Override
        public List<Node> origin() {
            return List.of(element);
        }
    }
}
