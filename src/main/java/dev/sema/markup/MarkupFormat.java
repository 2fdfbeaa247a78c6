package dev.sema.markup;

/** How a text's tags are read: leniently as a browser reads HTML, or strictly as XML. */
public enum MarkupFormat {
    HTML,
    XML
}
