package dev.sema.markup;

import org.jsoup.nodes.Element;

/**
 * A translatable attribute value: {@code alt}, {@code title}, {@code placeholder}, {@code aria-label}, or the
 * {@code content} of {@code <meta name="description">}.
 *
 * @param element where it is
 * @param name    the attribute
 * @param value   its value as written
 * @param text    what the model translates: the value with whitespace collapsed and trimmed
 */
record AttributeText(Element element, String name, String value, String text) {

    static AttributeText of(Element element, String name) {
        String value = element.attr(name);
        return new AttributeText(element, name, value, collapse(value));
    }

    /** Puts a translation in; a value the model gave back unchanged keeps its spacing. */
    void write(String translation) {
        if (!translation.equals(text)) {
            element.attr(name, translation);
        }
    }

    static String collapse(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (UnitReader.htmlSpace(c)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
