package dev.sema.markup;

import dev.sema.failure.InvalidMarkupException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;

/**
 * Stage 1 of XML: a strict, hardened pass with the JDK's StAX parser before anything is built from the text. DTDs
 * are not processed, external entities are not resolved and no entity is expanded; a document that would need
 * any of that (a reference to an entity, declared in a DOCTYPE or not) is refused at the reference, so neither
 * XXE nor "billion laughs" can cost a file read or memory. Character references and the five
 * predefined entities are ordinary XML and pass.
 */
final class XmlChecks {

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private XmlChecks() {
    }

    /** @throws InvalidMarkupException naming line and column of the first problem */
    static void requireWellFormed(String field, String xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw refused(field, reader.getLocation(), "entity reference &" + reader.getLocalName()
                                + "; (DTDs and entities are off; use a character reference)");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw refused(field, e.getLocation(), reason(e));
        }
    }

    private static InvalidMarkupException refused(String field, Location at, String reason) {
        int line = at == null ? 1 : Math.max(1, at.getLineNumber());
        int column = at == null ? 1 : Math.max(1, at.getColumnNumber());
        return new InvalidMarkupException(field, line, column, reason);
    }

    /** The parser's message without its "ParseError at [row,col]:[..] Message:" prefix. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Entity references are reported as events (and refused) instead of being replaced.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return factory;
    }
}
