package dev.sema.documents.office;

import dev.sema.documents.format.UnreadableDocumentException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;

/**
 * The JDK's DOM, hardened as {@code markup.XmlChecks} hardens StAX: no DOCTYPE at all (office XML never has one,
 * so XXE and entity expansion cannot start), no external access, secure processing on. Serialising adds no
 * indentation, so unchanged markup stays as it was.
 */
final class SafeXml {

    private static final String MAX_DEPTH = "1000";
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SafeXml() {
    }

    /** @throws UnreadableDocumentException naming the part, for XML that is not well-formed or has a DOCTYPE */
    static Document parse(String part, byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new UnreadableDocumentException("the file's " + part + " is not well-formed XML", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("the file's " + part + " cannot be read", e);
        }
    }

    /**
     * A translation the markup engine gave back for one part: XML as the part was.
     *
     * @param builder from {@link #builder()}, reused across the parts of one entry (one thread)
     */
    static Document parseTranslation(DocumentBuilder builder, String xml) {
        try {
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("a translation is not well-formed XML", e);
        }
    }

    static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            document.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a document part", e);
        }
    }

    /** A hardened builder; not thread-safe, so one per entry being read. */
    static DocumentBuilder builder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            // The default handler prints each error to stderr; the exception alone reports it.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Office XML nests a few dozen levels (tables in tables, text boxes); the walks over it recurse, so a file
        // nested thousands deep is refused by the parser instead of overflowing a worker's stack.
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
        return factory;
    }
}
