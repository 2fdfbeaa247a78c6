package dev.sema.documents.office;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A paragraph as the XML the markup engine translates, and back: one {@code <p>} element (the engine reads XML
 * documents, which have one root) whose content stands for the paragraph's runs. The text in the paragraph's main
 * formatting (its longest run's, or the text standing directly in it) is bare text; other runs are
 * {@code <g id="n">text</g>}, spans wrap their content in a {@code <g>}, and things kept whole are empty
 * {@code <x id="n"/>}. The ids refer to the paragraph's items, so rebuilding copies each run's formatting.
 *
 * <p>Bare text is what makes the tags inline for the engine: an XML element is inline when its parent holds text
 * of its own, and every paragraph with text has some in its main formatting.
 */
final class RunFragments {

    private final Dialect dialect;
    private final DocumentBuilder parser = SafeXml.builder();

    RunFragments(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The paragraph's XML, and its text alone (for telling whether there is anything to translate). */
    record Fragment(String xml, String text) {

        boolean translatable() {
            return !text.isBlank();
        }
    }

    Fragment of(Element paragraph) {
        StringBuilder xml = new StringBuilder();
        StringBuilder text = new StringBuilder();
        Map<Integer, Inline> ids = new LinkedHashMap<>();
        xml.append("<p>");
        write(dialect.read(paragraph), xml, text, ids);
        xml.append("</p>");
        return new Fragment(xml.toString(), text.toString());
    }

    private void write(List<Inline> items, StringBuilder xml, StringBuilder text, Map<Integer, Inline> ids) {
        Element base = base(items);
        for (Inline item : items) {
            if (item instanceof Inline.Text t && dialect.sameStyle(t.style(), base)) {
                xml.append(escape(t.text()));
                text.append(t.text());
                continue;
            }
            int id = ids.size() + 1;
            ids.put(id, item);
            if (item instanceof Inline.Text t) {
                xml.append("<g id=\"").append(id).append("\">").append(escape(t.text())).append("</g>");
                text.append(t.text());
            } else if (item instanceof Inline.Span span) {
                xml.append("<g id=\"").append(id).append("\">");
                write(span.items(), xml, text, ids);
                xml.append("</g>");
            } else {
                xml.append("<x id=\"").append(id).append("\"/>");
            }
        }
    }

    /** The style of bare text: none where text stands directly in the container, else the longest run's. */
    private static Element base(List<Inline> items) {
        Inline.Text longest = null;
        for (Inline item : items) {
            if (item instanceof Inline.Text t && !t.text().isBlank()) {
                if (t.style() == null) {
                    return null;
                }
                if (longest == null || t.text().strip().length() > longest.text().strip().length()) {
                    longest = t;
                }
            }
        }
        return longest == null ? null : longest.style();
    }

    /**
     * Replaces the paragraph's inline content with the translated fragment: each {@code g} becomes its run or span
     * again, each {@code x} its original, once; one the translation lost is put back at the end rather than lost.
     */
    void rebuild(Element paragraph, String translation) {
        List<Inline> items = dialect.read(paragraph);
        Map<Integer, Inline> ids = new LinkedHashMap<>();
        write(items, new StringBuilder(), new StringBuilder(), ids);
        Element root = SafeXml.parseTranslation(parser, translation).getDocumentElement();
        Set<Integer> used = new HashSet<>();
        List<Node> built = new ArrayList<>();
        build(root, base(items), paragraph, ids, used, built);
        ids.forEach((id, item) -> {
            if (item instanceof Inline.Atom atom && used.add(id)) {
                built.add(dialect.atom(paragraph, atom.style(), atom.node()));
            }
        });
        replace(paragraph, items, built);
    }

    private void build(Element from, Element style, Element paragraph, Map<Integer, Inline> ids, Set<Integer> used,
                       List<Node> out) {
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Text text) {
                if (!text.getData().isEmpty()) {
                    out.add(dialect.text(paragraph, style, text.getData()));
                }
                continue;
            }
            if (!(child instanceof Element element)) {
                continue;
            }
            Inline item = ids.get(id(element));
            if (item instanceof Inline.Atom atom) {
                if (used.add(id(element))) {
                    out.add(dialect.atom(paragraph, atom.style(), atom.node()));
                }
            } else if (item instanceof Inline.Text t) {
                build(element, t.style(), paragraph, ids, used, out);
            } else if (item instanceof Inline.Span span) {
                Node copy = span.element().cloneNode(false);
                List<Node> inside = new ArrayList<>();
                build(element, base(span.items()), paragraph, ids, used, inside);
                inside.forEach(copy::appendChild);
                out.add(copy);
            } else {
                build(element, style, paragraph, ids, used, out);
            }
        }
    }

    private static int id(Element element) {
        try {
            return Integer.parseInt(element.getAttribute("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Removes the items' nodes and puts the new ones where they stood; properties before and after stay. */
    private static void replace(Element paragraph, List<Inline> items, List<Node> built) {
        Node anchor = null;
        for (Inline item : items) {
            for (Node node : item.origin()) {
                if (node.getParentNode() == paragraph) {
                    anchor = node.getNextSibling();
                    paragraph.removeChild(node);
                }
            }
        }
        for (Node node : built) {
            paragraph.insertBefore(node, anchor);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
