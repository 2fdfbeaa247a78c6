package dev.sema.documents.office;

import dev.sema.documents.format.UnreadableDocumentException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An XHTML content document cut into its text blocks, each one part: descending from {@code <body>} through
 * elements that only hold other blocks (sections, divs, tables, lists), a block is the first element with text of
 * its own or no block inside (a paragraph, a heading, a cell, a list item). Its content goes to the markup engine
 * as HTML, which reads its inline tags, {@code alt} and {@code title} as on a web page.
 */
final class XhtmlBlocks {

    /** HTML's block-level elements: the ones descended through when they hold only blocks. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
    private static final int MAX_DEPTH = 200;
    /** HTML's void elements: the only ones an HTML parser reads as empty. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private XhtmlBlocks() {
    }

    /**
     * XHTML read with jsoup's XML parser, which never fetches a DTD or expands an entity it does not know, and
     * written back as XML with only the five XML escapes.
     */
    static Document parse(String entry, byte[] bytes) {
        Document document = Parser.xmlParser().parseInput(new String(bytes, StandardCharsets.UTF_8), "");
        if (document.selectFirst("html") == null) {
            throw new UnreadableDocumentException("the book's " + entry + " is not an XHTML document");
        }
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.xhtml).syntax(Document.OutputSettings.Syntax.xml);
        return document;
    }

    /** The document's text blocks in document order. */
    static List<Element> of(Document xhtml) {
        List<Element> blocks = new ArrayList<>();
        Element body = xhtml.selectFirst("body");
        if (body != null) {
            collect(body, blocks, 0);
        }
        return blocks;
    }

    /** @param depth how deep the walk is: past {@link #MAX_DEPTH} the rest is one block, not a deeper recursion */
    private static void collect(Element element, List<Element> blocks, int depth) {
        boolean ownText = element.textNodes().stream().anyMatch(t -> !t.isBlank());
        boolean holdsBlocks = element.children().stream().anyMatch(XhtmlBlocks::block);
        if (ownText || !holdsBlocks || depth >= MAX_DEPTH) {
            if (!element.text().isBlank()) {
                blocks.add(element);
            }
            return;
        }
        element.children().forEach(child -> collect(child, blocks, depth + 1));
    }

    private static boolean block(Element element) {
        return BLOCKS.contains(element.normalName().toLowerCase(Locale.ROOT));
    }

    /**
     * The block's content as an HTML parser reads it right: an empty non-void element written {@code <p></p>}
     * (HTML would take {@code <p/>} as an opening tag), void ones as {@code <br />}.
     */
    static String html(Element block) {
        for (Element element : block.select("*")) {
            if (element != block && element.childNodeSize() == 0 && !VOID.contains(element.normalName())) {
                element.appendChild(new TextNode(""));
            }
        }
        return block.html();
    }

    /** Replaces the block's content with a translation, HTML as the engine gave it back. */
    static void replace(Element block, String translation) {
        List<Node> nodes = Parser.parseBodyFragment(translation, "").body().childNodesCopy();
        block.empty();
        nodes.forEach(block::appendChild);
    }
}
