package dev.sema.documents.office;

import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in translation that changes every text and keeps every tag where it was: each text node is upper-cased
 * and each part's first one starts with "»", so no part, however short or already upper-case, comes back equal.
 */
public final class Marks {

    static final String MARK = "»";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private Marks() {
    }

    static List<String> mark(List<DocumentPart> parts) {
        return parts.stream().map(Marks::mark).toList();
    }

    static String mark(DocumentPart part) {
        return part.kind() == PartKind.HTML ? markHtml(part.content()) : markXml(part.content());
    }

    private static String markXml(String fragment) {
        StringBuilder out = new StringBuilder();
        Matcher tags = TAG.matcher(fragment);
        int at = 0;
        boolean marked = false;
        while (at < fragment.length()) {
            int tagStart = tags.find(at) ? tags.start() : fragment.length();
            String text = Parser.unescapeEntities(fragment.substring(at, tagStart), false);
            if (!text.isBlank() && !marked) {
                text = MARK + text;
                marked = true;
            }
            out.append(text.toUpperCase(Locale.ROOT).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            if (tagStart < fragment.length()) {
                out.append(tags.group());
            }
            at = tagStart < fragment.length() ? tags.end() : tagStart;
        }
        return out.toString();
    }

    private static String markHtml(String html) {
        org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        Element body = document.body();
        boolean[] marked = {false};
        body.traverse((node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                String upper = text.getWholeText().toUpperCase(Locale.ROOT);
                text.text(marked[0] ? upper : MARK + upper);
                marked[0] = true;
            }
        });
        return body.html();
    }

    /** The parts as the markup engine reads them: HTML parsed and serialised again, XML as it is. */
    public static List<DocumentPart> normalized(List<DocumentPart> parts) {
        return normalized(parts, parts.stream().map(DocumentPart::content).toList());
    }

    /** {@link #normalized(List)} of the parts with other contents. */
    public static List<DocumentPart> normalized(List<DocumentPart> parts, List<String> contents) {
        List<DocumentPart> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String content = contents.get(i);
            if (parts.get(i).kind() == PartKind.HTML) {
                org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(content);
                document.outputSettings().prettyPrint(false);
                content = document.body().html();
            }
            out.add(new DocumentPart(content, parts.get(i).kind()));
        }
        return out;
    }

    /** The text a reader sees in an XML part (tags dropped, whitespace collapsed). */
    public static String plain(String fragment) {
        return collapse(Parser.unescapeEntities(TAG.matcher(fragment).replaceAll(""), false));
    }

    public static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The text a reader sees in an HTML part (one block of a page). */
    public static String htmlText(String html) {
        return collapse(Jsoup.parseBodyFragment(html).body().text());
    }

    /** A part's tags and their ids, sorted: what must all be there after any translation. */
    public static List<String> tags(String content) {
        Matcher tag = Pattern.compile("<(/?[a-z]+)[^>]*?(id=\"\\d+\")?").matcher(content);
        List<String> tags = new ArrayList<>();
        while (tag.find()) {
            tags.add(tag.group(1) + (tag.group(2) == null ? "" : tag.group(2)));
        }
        return tags.stream().sorted().toList();
    }
}
