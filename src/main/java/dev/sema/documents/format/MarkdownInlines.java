package dev.sema.documents.format;

import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Markdown block's inline content as HTML for the markup engine, and back. Words become text, emphasis and inline
 * links become {@code em}/{@code strong}/{@code a} (their delimiter and target kept in attributes the engine does not
 * translate), and everything else (code spans, images, raw HTML, line breaks with their quote or list prefixes,
 * reference links) becomes a {@code code} element holding its source verbatim, which the engine keeps whole.
 */
final class MarkdownInlines {

    private static final String RAW = "raw";
    private static final Pattern INLINE_LINK = Pattern.compile("\\[.*]\\(.*\\)", Pattern.DOTALL);

    private MarkdownInlines() {
    }

    /** The source range of a block's inline content: from its first inline to the end of its last. */
    static int[] range(Node block) {
        return new int[] {start(block.getFirstChild()), end(block.getLastChild())};
    }

    static boolean hasWords(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t && t.getLiteral().chars().anyMatch(Character::isLetter) || hasWords(n)) {
                return true;
            }
        }
        return false;
    }

    /** @param until where the last child's source ends (its container's content end) */
    static String toHtml(Node parent, String input, int until) {
        StringBuilder html = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            int from = start(n);
            int to = n.getNext() == null ? Math.max(end(n), until) : start(n.getNext());
            String raw = input.substring(from, to);
            if (n instanceof Text) {
                html.append(Entities.escape(raw));
            } else if (n instanceof Emphasis || n instanceof StrongEmphasis) {
                String delimiter = n instanceof Emphasis e ? e.getOpeningDelimiter()
                        : ((StrongEmphasis) n).getOpeningDelimiter();
                String tag = n instanceof Emphasis ? "em" : "strong";
                html.append('<').append(tag).append(" data-md=\"").append(Entities.escape(delimiter)).append("\">")
                        .append(toHtml(n, input, end(n) - delimiter.length())).append("</").append(tag).append('>')
                        .append(Entities.escape(input.substring(end(n), to)));
            } else if (n instanceof Link link && INLINE_LINK.matcher(input.substring(from, end(n))).matches()
                    && n.getFirstChild() != null) {
                int textEnd = input.lastIndexOf("](", end(n));
                html.append("<a data-md-href=\"").append(Entities.escape(link.getDestination())).append('"')
                        .append(link.getTitle() == null ? "" : " data-md-title=\""
                                + Entities.escape(link.getTitle()) + '"').append('>')
                        .append(toHtml(n, input, textEnd)).append("</a>")
                        .append(Entities.escape(input.substring(end(n), to)));
            } else {
                html.append("<code data-md=\"" + RAW + "\">").append(Entities.escape(raw)).append("</code>");
            }
        }
        return html.toString();
    }

    /** The engine's HTML for a block, as Markdown again. */
    static String toMarkdown(String html) {
        StringBuilder out = new StringBuilder();
        write(Jsoup.parseBodyFragment(html).body(), out);
        return out.toString();
    }

    private static void write(Element parent, StringBuilder out) {
        for (org.jsoup.nodes.Node n : parent.childNodes()) {
            if (n instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (n instanceof Element e) {
                switch (e.tagName()) {
                    case "code" -> out.append(e.wholeText());
                    case "em", "strong" -> {
                        out.append(e.attr("data-md"));
                        write(e, out);
                        out.append(e.attr("data-md"));
                    }
                    case "a" -> {
                        out.append('[');
                        write(e, out);
                        out.append("](").append(e.attr("data-md-href")).append(e.hasAttr("data-md-title")
                                ? " \"" + e.attr("data-md-title") + '"' : "").append(')');
                    }
                    default -> write(e, out);
                }
            }
        }
    }

    /** Line breaks carry no source span: they lie between their neighbours. */
    private static int start(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? end(node.getPrevious()) : spans.get(0).getInputIndex();
    }

    private static int end(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return node.getNext() != null ? start(node.getNext()) : start(node);
        }
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength();
    }
}
