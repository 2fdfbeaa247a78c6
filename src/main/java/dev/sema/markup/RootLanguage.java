package dev.sema.markup;

import org.jsoup.nodes.Element;

/**
 * A translated whole document says which language it is now: HTML's {@code <html lang>} becomes the target's
 * tag and {@code dir} follows its script ({@code rtl} is added for right-to-left targets; an existing
 * {@code dir} becomes {@code ltr} for the others, which is the default and so is not added). An XML root's
 * existing {@code xml:lang} or {@code lang} follows too; none is added to XML, whose vocabulary may not allow it.
 * Fragments have no root and are left as they are.
 */
final class RootLanguage {

    private RootLanguage() {
    }

    static void apply(MarkupParsing.Parsed parsed, MarkupFormat format, String tag, boolean rightToLeft) {
        if (parsed.fragment()) {
            return;
        }
        Element root = parsed.document().children().stream().findFirst().orElse(null);
        if (root == null) {
            return;
        }
        if (format == MarkupFormat.HTML) {
            root.attr("lang", tag);
            if (rightToLeft || root.hasAttr("dir")) {
                root.attr("dir", rightToLeft ? "rtl" : "ltr");
            }
            return;
        }
        for (String name : new String[]{"xml:lang", "lang"}) {
            if (root.hasAttr(name)) {
                root.attr(name, tag);
            }
        }
    }
}
