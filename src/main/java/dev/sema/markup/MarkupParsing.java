package dev.sema.markup;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Stage 2: the node tree both modes are translated on, read with jsoup. HTML is read as a browser reads it;
 * a text with no {@code <html>}, {@code <head>}, {@code <body>} or doctype is a fragment and comes back as one
 * (no wrapper elements added). XML has passed {@link XmlChecks} first. Output keeps the source's layout: no
 * pretty-printing, UTF-8 characters as they are (only {@code & < > "} and the no-break space are escaped, the
 * latter as {@code &nbsp;} in HTML and {@code &#xa0;} in XML).
 */
final class MarkupParsing {

    private static final Pattern WHOLE_DOCUMENT = Pattern.compile("(?i)<(!doctype|html|head|body)[\\s>/]");

    private MarkupParsing() {
    }

    /** @return the parsed document; {@code fragment} tells whether to serialise only the body's content */
    static Parsed parse(String markup, MarkupFormat format) {
        Document document;
        boolean fragment = false;
        if (format == MarkupFormat.XML) {
            document = Parser.xmlParser().parseInput(markup, "");
        } else if (WHOLE_DOCUMENT.matcher(markup).find()) {
            document = Parser.htmlParser().parseInput(markup, "");
        } else {
            document = Parser.parseBodyFragment(markup, "");
            fragment = true;
        }
        // XML knows no &nbsp;: its no-break spaces are written as the character reference &#xa0;.
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8)
                .escapeMode(format == MarkupFormat.XML ? Entities.EscapeMode.xhtml : Entities.EscapeMode.base);
        return new Parsed(document, fragment);
    }

    record Parsed(Document document, boolean fragment) {

        /** The container whose content is the client's text. */
        org.jsoup.nodes.Element content() {
            return fragment ? document.body() : document;
        }

        String serialize() {
            return fragment ? document.body().html() : document.outerHtml();
        }
    }
}
