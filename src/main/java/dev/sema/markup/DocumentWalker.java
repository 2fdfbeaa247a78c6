package dev.sema.markup;

import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks a parsed document once and finds what is translated: the runs of inline content between block
 * boundaries (each a {@link TextUnit}, if it has a letter: a run of digits or punctuation is left alone, so the
 * model cannot invent words for it) and, in HTML, the translatable attributes. Verbatim elements are not entered.
 */
final class DocumentWalker {

    static final List<String> TRANSLATED_ATTRIBUTES = List.of("alt", "title", "placeholder", "aria-label");

    private final ElementRoles roles;
    private final boolean html;
    private final List<TextUnit> units = new ArrayList<>();
    private final List<AttributeText> attributes = new ArrayList<>();

    private DocumentWalker(ElementRoles roles, boolean html) {
        this.roles = roles;
        this.html = html;
    }

    record Found(List<TextUnit> units, List<AttributeText> attributes) {
    }

    static Found walk(Element container, MarkupOptions options) {
        DocumentWalker walker = new DocumentWalker(new ElementRoles(options), options.format() == MarkupFormat.HTML);
        walker.block(container);
        return new Found(List.copyOf(walker.units), List.copyOf(walker.attributes));
    }

    private void block(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node child : container.childNodes()) {
            if (child instanceof Element e) {
                Role role = roles.of(e);
                if (role == Role.INLINE || role == Role.ATOMIC) {
                    run.add(e);
                    attributesWithin(e);
                    continue;
                }
                flush(run);
                if (role == Role.BLOCK) {
                    attributes(e);
                    block(e);
                }
            } else if (child instanceof DocumentType) {
                flush(run);
            } else {
                run.add(child);
            }
        }
        flush(run);
    }

    private void flush(List<Node> run) {
        if (!run.isEmpty()) {
            TextUnit unit = UnitReader.read(run, roles);
            if (Words.hasLetter(unit.text())) {
                units.add(unit);
            }
            run.clear();
        }
    }

    /** Attributes of an inline-level element and of the inline content inside it. */
    private void attributesWithin(Element element) {
        if (roles.verbatim(element)) {
            return;
        }
        attributes(element);
        for (Element child : element.children()) {
            attributesWithin(child);
        }
    }

    private void attributes(Element element) {
        if (!html) {
            return;
        }
        for (String name : TRANSLATED_ATTRIBUTES) {
            if (element.hasAttr(name) && Words.hasLetter(element.attr(name))) {
                attributes.add(AttributeText.of(element, name));
            }
        }
        if (ElementRoles.name(element).equals("meta")
                && element.attr("name").strip().toLowerCase(Locale.ROOT).equals("description")
                && Words.hasLetter(element.attr("content"))) {
            attributes.add(AttributeText.of(element, "content"));
        }
    }
}
