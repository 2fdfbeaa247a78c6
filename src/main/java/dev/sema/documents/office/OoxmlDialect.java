package dev.sema.documents.office;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Office Open XML's three text vocabularies share one shape: a paragraph holds runs, a run holds its properties
 * and text elements, and everything else in a run (tab, break, drawing, field code, note reference) is kept whole.
 * They differ only in names: WordprocessingML ({@code w:p}/{@code w:r}/{@code w:rPr}/{@code w:t}), DrawingML
 * ({@code a:p}/{@code a:r}/{@code a:rPr}/{@code a:t}) and SpreadsheetML's rich text ({@code si}/{@code r}/
 * {@code rPr}/{@code t}, where a plain string is a lone {@code t}).
 *
 * @param spans         elements inside a paragraph that wrap runs (links, insertions, simple fields)
 * @param fixed         elements that keep their place and are not part of the text (paragraph properties)
 * @param preserveSpace whether new text elements say {@code xml:space="preserve"} (DrawingML has no such attribute)
 */
record OoxmlDialect(String paragraphNamespace, List<String> paragraphNames, Set<String> spans, Set<String> fixed,
                    boolean preserveSpace) implements Dialect {

    static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static final String SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String PRESENTATION = "http://schemas.openxmlformats.org/presentationml/2006/main";
    /** Placeholder types whose text the application generates. */
    private static final Set<String> GENERATED = Set.of("dt", "sldNum");
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final String RUN = "r";
    private static final String PROPERTIES = "rPr";
    private static final String TEXT = "t";

    static OoxmlDialect word() {
        return new OoxmlDialect(WORD, List.of("p"), Set.of("hyperlink", "smartTag", "ins", "fldSimple", "customXml"),
                Set.of("pPr"), true);
    }

    static OoxmlDialect drawing() {
        return new OoxmlDialect(DRAWING, List.of("p"), Set.of(), Set.of("pPr", "endParaRPr"), false);
    }

    /** Shared strings ({@code si}), inline strings ({@code is}) and comments ({@code text}). */
    static OoxmlDialect sheet() {
        return new OoxmlDialect(SHEET, List.of("si", "is", "text"), Set.of(), Set.of("rPh", "phoneticPr"), true);
    }

    /**
     * In a presentation, the date and slide-number placeholders hold what the application fills in (notes pages
     * carry them as plain text), so their paragraphs are not translated.
     */
    @Override
    public boolean translatable(Element paragraph) {
        if (!DRAWING.equals(paragraphNamespace)) {
            return true;
        }
        for (Node up = paragraph.getParentNode(); up instanceof Element shape; up = up.getParentNode()) {
            if ("sp".equals(shape.getLocalName())) {
                NodeList placeholders = shape.getElementsByTagNameNS(PRESENTATION, "ph");
                return placeholders.getLength() == 0
                        || !GENERATED.contains(((Element) placeholders.item(0)).getAttribute("type"));
            }
        }
        return true;
    }

    @Override
    public List<Inline> read(Element container) {
        List<Inline> items = new ArrayList<>();
        for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || fixed.contains(element.getLocalName()) && ours(element)) {
                continue;
            }
            String name = ours(element) ? element.getLocalName() : "";
            if (name.equals(RUN)) {
                readRun(element, items);
            } else if (name.equals(TEXT)) {
                items.add(new Inline.Text(element.getTextContent(), null, List.of(element)));
            } else if (spans.contains(name)) {
                items.add(new Inline.Span(element, read(element)));
            } else {
                items.add(new Inline.Atom(element, null, List.of(element)));
            }
        }
        return items;
    }

    private void readRun(Element run, List<Inline> items) {
        for (Node child = run.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || named(element, PROPERTIES)) {
                continue;
            }
            items.add(named(element, TEXT) ? new Inline.Text(element.getTextContent(), run, List.of(run))
                    : new Inline.Atom(element, run, List.of(run)));
        }
    }

    @Override
    public Node text(Element container, Element style, String text) {
        Element t = create(container, TEXT);
        t.setTextContent(text);
        if (preserveSpace) {
            t.setAttributeNS(XML_NS, "xml:space", "preserve");
        }
        return style == null ? t : run(container, style, t);
    }

    @Override
    public Node atom(Element container, Element style, Node node) {
        Node copy = node.cloneNode(true);
        return style == null ? copy : run(container, style, copy);
    }

    @Override
    public boolean sameStyle(Element a, Element b) {
        if (a == null || b == null) {
            return a == b;
        }
        Element pa = properties(a);
        Element pb = properties(b);
        return pa == null ? pb == null : pb != null && pa.isEqualNode(pb);
    }

    /** A new run with the attributes and properties of {@code style}, holding {@code content}. */
    private Element run(Element container, Element style, Node content) {
        Element run = create(container, RUN);
        NamedNodeMap attributes = style.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            run.setAttributeNodeNS((org.w3c.dom.Attr) attributes.item(i).cloneNode(true));
        }
        Element properties = properties(style);
        if (properties != null) {
            run.appendChild(properties.cloneNode(true));
        }
        run.appendChild(content);
        return run;
    }

    private Element create(Element container, String localName) {
        Document document = container.getOwnerDocument();
        String prefix = container.getPrefix();
        return document.createElementNS(paragraphNamespace,
                prefix == null ? localName : prefix + ":" + localName);
    }

    private Element properties(Element run) {
        for (Node child = run.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && named(element, PROPERTIES)) {
                return element;
            }
        }
        return null;
    }

    private boolean named(Element element, String localName) {
        return ours(element) && localName.equals(element.getLocalName());
    }

    private boolean ours(Element element) {
        return paragraphNamespace.equals(element.getNamespaceURI());
    }
}
