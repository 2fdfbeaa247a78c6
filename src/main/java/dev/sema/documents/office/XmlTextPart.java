package dev.sema.documents.office;

import dev.sema.documents.format.UnreadableDocumentException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * One XML entry of a package and its translatable paragraphs in document order (a paragraph inside a text box or
 * note comes after the paragraph holding it); a text box written twice, for new and old readers, is read once
 * ({@link AlternateContent}). Translations are written innermost first, so the outer paragraph's
 * copy of its text box already holds the translated text.
 */
final class XmlTextPart {

    /** ISO 29500 Strict's namespaces: same vocabulary, other names, which the dialects would find no text in. */
    private static final String STRICT = "http://purl.oclc.org/ooxml/";

    private final Document document;
    private final RunFragments fragments;
    private final AlternateContent alternates;
    private final List<Element> paragraphs = new ArrayList<>();
    private final List<String> xml = new ArrayList<>();

    XmlTextPart(String name, byte[] bytes, Dialect dialect) {
        this.document = SafeXml.parse(name, bytes);
        String namespace = document.getDocumentElement().getNamespaceURI();
        if (namespace != null && namespace.startsWith(STRICT)) {
            throw new UnreadableDocumentException("the file is Strict Office Open XML, which is not supported; "
                    + "save it as a standard (Transitional) document");
        }
        this.fragments = new RunFragments(dialect);
        this.alternates = new AlternateContent(dialect);
        collect(document.getDocumentElement(), dialect);
    }

    private void collect(Element element, Dialect dialect) {
        if (alternates.mirroredFallback(element)) {
            return;
        }
        if (dialect.paragraphNamespace().equals(element.getNamespaceURI())
                && dialect.paragraphNames().contains(element.getLocalName()) && dialect.translatable(element)) {
            RunFragments.Fragment fragment = fragments.of(element);
            if (fragment.translatable()) {
                paragraphs.add(element);
                xml.add(fragment.xml());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                collect(inner, dialect);
            }
        }
    }

    Document document() {
        return document;
    }

    /** The paragraphs' fragments, in document order. */
    List<String> fragments() {
        return List.copyOf(xml);
    }

    /** @param translations one per {@link #fragments()}, in that order */
    void translate(List<String> translations) {
        for (int i = paragraphs.size() - 1; i >= 0; i--) {
            fragments.rebuild(paragraphs.get(i), translations.get(i));
        }
        alternates.mirror(document);
    }
}
