package dev.sema.markup;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The block / inline / verbatim classification of one document's elements (memoised per element: an inline
 * element is only inline if nothing inside it is a block, which would otherwise be asked again at every depth).
 */
final class ElementRoles {

    /** HTML's phrasing elements that wrap words. */
    private static final Set<String> HTML_INLINE = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "button",
            "cite", "data", "del", "dfn", "em", "font", "i", "ins", "label", "mark", "nobr", "output", "q", "s",
            "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u");
    /** Embedded and void phrasing content: kept whole where it stands. */
    private static final Set<String> HTML_ATOMIC = Set.of("img", "wbr", "input", "select", "iframe", "object",
            "embed", "video", "audio", "canvas", "picture", "meter", "progress", "ruby");
    /** Copied verbatim (the list): inline-level ones stay in their sentence, the others end it. */
    private static final Set<String> HTML_VERBATIM_INLINE = Set.of("code", "kbd", "samp", "var", "math", "svg",
            "textarea");
    private static final Set<String> HTML_VERBATIM_BLOCK = Set.of("pre", "script", "style", "template");

    private final MarkupOptions options;
    private final Map<Element, Role> roles = new IdentityHashMap<>();

    ElementRoles(MarkupOptions options) {
        this.options = options;
    }

    Role of(Element element) {
        Role known = roles.get(element);
        if (known == null) {
            known = options.format() == MarkupFormat.HTML ? html(element) : xml(element);
            roles.put(element, known);
        }
        return known;
    }

    /** Whether the element and everything in it is copied as it is (its attributes too). */
    boolean verbatim(Element element) {
        String name = name(element);
        if (options.format() == MarkupFormat.XML) {
            return options.ignoreTags().contains(name);
        }
        return HTML_VERBATIM_INLINE.contains(name) || HTML_VERBATIM_BLOCK.contains(name)
                || "no".equalsIgnoreCase(element.attr("translate").strip()) || element.hasClass("notranslate");
    }

    private Role html(Element element) {
        String name = name(element);
        boolean inlineLevel = HTML_INLINE.contains(name) || HTML_ATOMIC.contains(name)
                || HTML_VERBATIM_INLINE.contains(name);
        if (verbatim(element)) {
            return inlineLevel ? Role.ATOMIC : Role.VERBATIM_BLOCK;
        }
        if (name.equals("br")) {
            return Role.BREAK;
        }
        if (HTML_ATOMIC.contains(name)) {
            return Role.ATOMIC;
        }
        return HTML_INLINE.contains(name) && !holdsBlock(element) ? Role.INLINE : Role.BLOCK;
    }

    /**
     * XML without lists is read by its outline: an element inside running text (its parent holds non-blank text
     * of its own) is inline, any other is a block. The lists override that, as in DeepL.
     */
    private Role xml(Element element) {
        String name = name(element);
        boolean inlineLevel = options.nonSplittingTags().contains(name)
                || !options.splittingTags().contains(name) && inRunningText(element);
        if (verbatim(element)) {
            return inlineLevel ? Role.ATOMIC : Role.VERBATIM_BLOCK;
        }
        return inlineLevel && !holdsBlock(element) ? Role.INLINE : Role.BLOCK;
    }

    private boolean holdsBlock(Element element) {
        for (Element child : element.children()) {
            Role role = of(child);
            if (role == Role.BLOCK || role == Role.VERBATIM_BLOCK) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRunningText(Element element) {
        Element parent = element.parent();
        if (parent == null) {
            return false;
        }
        for (Node sibling : parent.childNodes()) {
            if (sibling instanceof TextNode text && !text.isBlank()) {
                return true;
            }
        }
        return false;
    }

    static String name(Element element) {
        return element.normalName().toLowerCase(Locale.ROOT);
    }
}
