package dev.sema.documents.office;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenDocument text ({@code text:p}, {@code text:h}): mixed content, text standing directly in the paragraph or
 * in {@code text:span}s that name a style. A span of plain text is a run; a span with more inside, and a link, is
 * a span rebuilt around its content; spaces ({@code text:s}), tabs, breaks, fields, notes and frames are kept whole.
 * The display text of a spreadsheet cell that holds a formula or a number is not translatable (its comment is), nor
 * a presentation's date and page-number frames.
 */
final class OdfDialect implements Dialect {

    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
    /** Presentation frames whose text the application fills in (notes pages carry them as plain text). */
    private static final Set<String> GENERATED = Set.of("date-time", "page-number");
    private static final Set<String> SPANS = Set.of("span", "a", "meta");

    @Override
    public String paragraphNamespace() {
        return TEXT;
    }

    @Override
    public List<String> paragraphNames() {
        return List.of("p", "h");
    }

    @Override
    public boolean translatable(Element paragraph) {
        for (Node up = paragraph.getParentNode(); up instanceof Element cell; up = up.getParentNode()) {
            if (OFFICE.equals(cell.getNamespaceURI()) && "annotation".equals(cell.getLocalName())) {
                return true;
            }
            if (GENERATED.contains(cell.getAttributeNS(PRESENTATION, "class"))) {
                return false;
            }
            if (TABLE.equals(cell.getNamespaceURI()) && "table-cell".equals(cell.getLocalName())) {
                String type = cell.getAttributeNS(OFFICE, "value-type");
                return !cell.hasAttributeNS(TABLE, "formula") && (type.isEmpty() || type.equals("string"));
            }
        }
        return true;
    }

    @Override
    public List<Inline> read(Element container) {
        List<Inline> items = new ArrayList<>();
        for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text) {
                items.add(new Inline.Text(text.getData(), null, List.of(text)));
            } else if (child instanceof Element element) {
                items.add(item(element));
            }
        }
        return items;
    }

    private Inline item(Element element) {
        boolean span = TEXT.equals(element.getNamespaceURI()) && SPANS.contains(element.getLocalName());
        if (!span) {
            return new Inline.Atom(element, null, List.of(element));
        }
        boolean plain = element.hasChildNodes() && "span".equals(element.getLocalName());
        for (Node child = element.getFirstChild(); plain && child != null; child = child.getNextSibling()) {
            plain = child instanceof Text;
        }
        return plain ? new Inline.Text(element.getTextContent(), element, List.of(element))
                : new Inline.Span(element, read(element));
    }

    @Override
    public Node text(Element container, Element style, String text) {
        Node node = container.getOwnerDocument().createTextNode(text);
        if (style == null) {
            return node;
        }
        Node span = style.cloneNode(false);
        span.appendChild(node);
        return span;
    }

    @Override
    public Node atom(Element container, Element style, Node node) {
        return node.cloneNode(true);
    }

    @Override
    public boolean sameStyle(Element a, Element b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.cloneNode(false).isEqualNode(b.cloneNode(false));
    }
}
