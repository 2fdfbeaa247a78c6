package dev.sema.documents.office;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * Markup compatibility's {@code mc:AlternateContent}: one thing written twice, for new readers ({@code mc:Choice},
 * a DrawingML text box {@code wps:txbx}) and old ones ({@code mc:Fallback}, the same text box as VML
 * {@code v:textbox}). When both hold the same number of paragraphs, they are the same text: it is translated once,
 * in the choice, and the fallback's paragraphs then get copies of the choice's content, so that readers of
 * either see one translation (and the text is neither billed twice nor translated two ways).
 */
final class AlternateContent {

    static final String NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private final Dialect dialect;

    AlternateContent(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Whether this element is a fallback whose paragraphs mirror its choice's (so they are not parts). */
    boolean mirroredFallback(Element element) {
        return named(element, "Fallback") && element.getParentNode() instanceof Element parent
                && choice(parent) != null;
    }

    /** Writes every mirrored fallback as its choice now reads, innermost first (an outer copy then holds both). */
    void mirror(Document document) {
        NodeList all = document.getElementsByTagNameNS(NAMESPACE, "AlternateContent");
        List<Element> alternates = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            alternates.add((Element) all.item(i));
        }
        for (int i = alternates.size() - 1; i >= 0; i--) {
            Element choice = choice(alternates.get(i));
            if (choice != null) {
                List<Element> source = paragraphs(choice);
                List<Element> target = paragraphs(child(alternates.get(i), "Fallback"));
                for (int p = 0; p < target.size(); p++) {
                    copyContent(source.get(p), target.get(p));
                }
            }
        }
    }

    /** The paragraph's content becomes the source's; its own attributes (Word's paragraph ids) stay. */
    private static void copyContent(Element source, Element target) {
        while (target.getFirstChild() != null) {
            target.removeChild(target.getFirstChild());
        }
        for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
            target.appendChild(child.cloneNode(true));
        }
    }

    /** The choice whose paragraphs the fallback mirrors, or null when there is no such pair. */
    private Element choice(Element alternate) {
        Element choice = child(alternate, "Choice");
        Element fallback = child(alternate, "Fallback");
        if (choice == null || fallback == null) {
            return null;
        }
        int count = paragraphs(choice).size();
        return count > 0 && count == paragraphs(fallback).size() ? choice : null;
    }

    private static Element child(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && named(element, localName)) {
                return element;
            }
        }
        return null;
    }

    /** The outermost paragraphs under {@code element}, in document order. */
    private List<Element> paragraphs(Element element) {
        List<Element> found = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                if (dialect.paragraphNamespace().equals(inner.getNamespaceURI())
                        && dialect.paragraphNames().contains(inner.getLocalName())) {
                    found.add(inner);
                } else {
                    found.addAll(paragraphs(inner));
                }
            }
        }
        return found;
    }

    private static boolean named(Element element, String localName) {
        return NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }
}
