package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * XLIFF 1.2 ({@code trans-unit}) and 2.x ({@code unit/segment}) from localisation tools: each source translated into
 * its target (created where missing), marked {@code state="translated"}, and the file's target language set. A source
 * with inline codes ({@code g}, {@code x}, {@code ph}, {@code pc}, …) goes to the markup engine as XML, so the codes
 * stay with their words; units marked {@code translate="no"} are left alone.
 */
@ApplicationScoped
public class XliffFormat implements DocumentFormat {

    static final String NS_1 = "urn:oasis:names:tc:xliff:document:1.2";
    static final String NS_2 = "urn:oasis:names:tc:xliff:document:2.0";

    @Override
    public String name() {
        return "xliff";
    }

    @Override
    public String contentType() {
        return "application/xliff+xml";
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).map(text -> {
            String head = TextFiles.head(text, 2048);
            return head.startsWith("<") && head.contains("<xliff") && (head.contains(NS_1) || head.contains(NS_2));
        }).orElse(false);
    }

    @Override
    public List<DocumentPart> extract(byte[] file) {
        return sources(SafeXml.parse(file, name())).stream().map(XliffFormat::part).toList();
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        Document document = SafeXml.parse(file, name());
        List<Element> sources = sources(document);
        TextFiles.requireCount(sources.size(), translations.size());
        for (int i = 0; i < sources.size(); i++) {
            fill(sources.get(i), part(sources.get(i)).kind(), translations.get(i));
        }
        Element root = document.getDocumentElement();
        if (NS_2.equals(root.getNamespaceURI())) {
            root.setAttribute("trgLang", targetTag);
        } else {
            NodeList files = document.getElementsByTagNameNS(NS_1, "file");
            for (int i = 0; i < files.getLength(); i++) {
                ((Element) files.item(i)).setAttribute("target-language", targetTag);
            }
        }
        return SafeXml.write(document);
    }

    /** The sources to translate, in document order. */
    private static List<Element> sources(Document document) {
        Element root = document.getDocumentElement();
        boolean two = NS_2.equals(root.getNamespaceURI());
        if (!"xliff".equals(root.getLocalName()) || !two && !NS_1.equals(root.getNamespaceURI())) {
            throw new UnreadableDocumentException("The file is not XLIFF 1.2 or 2.x (root element "
                    + root.getNodeName() + ").");
        }
        NodeList units = document.getElementsByTagNameNS(root.getNamespaceURI(), two ? "segment" : "trans-unit");
        List<Element> sources = new ArrayList<>();
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            Element translatable = two ? (Element) unit.getParentNode() : unit;
            Element source = child(unit, "source");
            if (source != null && !"no".equals(translatable.getAttribute("translate"))
                    && !source.getTextContent().isBlank()) {
                sources.add(source);
            }
        }
        return sources;
    }

    private static DocumentPart part(Element source) {
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return new DocumentPart(serialise(source), PartKind.XML);
            }
        }
        return new DocumentPart(source.getTextContent(), PartKind.TEXT);
    }

    /** Writes the translation into the source's target (made after the source if missing) and marks it. */
    private void fill(Element source, PartKind kind, String translation) {
        Element unit = (Element) source.getParentNode();
        Element target = child(unit, "target");
        if (target == null) {
            target = source.getOwnerDocument().createElementNS(source.getNamespaceURI(), source.getPrefix() == null
                    ? "target" : source.getPrefix() + ":target");
            unit.insertBefore(target, source.getNextSibling());
        }
        while (target.getFirstChild() != null) {
            target.removeChild(target.getFirstChild());
        }
        if (kind == PartKind.TEXT) {
            target.setTextContent(translation);
        } else {
            Element translated = SafeXml.parseFragment(translation, name()).getDocumentElement();
            for (Node n = translated.getFirstChild(); n != null; n = n.getNextSibling()) {
                target.appendChild(target.getOwnerDocument().importNode(n, true));
            }
        }
        (NS_2.equals(source.getNamespaceURI()) ? unit : target).setAttribute("state", "translated");
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The source element alone, namespace declared, for the markup engine. */
    private static String serialise(Element source) {
        Document alone = SafeXml.parseFragment("<source xmlns=\"" + source.getNamespaceURI() + "\"/>", "xliff");
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            alone.getDocumentElement().appendChild(alone.importNode(n, true));
        }
        String xml = new String(SafeXml.write(alone), java.nio.charset.StandardCharsets.UTF_8);
        return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
    }
}
