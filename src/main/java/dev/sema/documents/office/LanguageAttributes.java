package dev.sema.documents.office;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.Locale;

/**
 * Where each vocabulary says which language its text is in, so spell checkers, hyphenation and fonts follow the
 * translation. Only attributes that are already there change: a document that names no language gets none.
 */
@FunctionalInterface
interface LanguageAttributes {

    String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    String DC = "http://purl.org/dc/elements/1.1/";

    void apply(Document document, String tag);

    /** {@code <w:lang w:val>}: the language of Latin-script text (East Asian and complex scripts have their own). */
    static void word(Document document, String tag) {
        forEach(document, OoxmlDialect.WORD, "lang", lang -> {
            if (lang.hasAttributeNS(OoxmlDialect.WORD, "val")) {
                lang.setAttributeNS(OoxmlDialect.WORD, lang.getPrefix() + ":val", tag);
            }
        });
    }

    /** {@code lang} on DrawingML's run, end-of-paragraph and default run properties. */
    static void drawing(Document document, String tag) {
        for (String name : new String[]{"rPr", "endParaRPr", "defRPr"}) {
            forEach(document, OoxmlDialect.DRAWING, name, properties -> {
                if (properties.hasAttribute("lang")) {
                    properties.setAttribute("lang", tag);
                }
            });
        }
    }

    /** ODF styles' {@code fo:language} and {@code fo:country}, and the metadata's {@code dc:language}. */
    static void odf(Document document, String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        forEach(document, "*", "*", element -> {
            if (element.hasAttributeNS(FO, "language")) {
                element.setAttributeNS(FO, "fo:language", locale.getLanguage());
                if (locale.getCountry().isEmpty()) {
                    element.removeAttributeNS(FO, "country");
                } else {
                    element.setAttributeNS(FO, "fo:country", locale.getCountry());
                }
            }
        });
        dublinCore(document, tag);
    }

    /** Dublin Core's {@code dc:language}: ODF metadata and an EPUB's package document. */
    static void dublinCore(Document document, String tag) {
        forEach(document, DC, "language", language -> language.setTextContent(tag));
    }

    private static void forEach(Document document, String namespace, String localName,
                                java.util.function.Consumer<Element> action) {
        NodeList elements = document.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < elements.getLength(); i++) {
            action.accept((Element) elements.item(i));
        }
    }
}
