package dev.sema.documents.office;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;

/** One XML vocabulary's paragraphs and runs: how to read their inline content and how to write new content. */
interface Dialect {

    /** Namespace and local name of the vocabulary's paragraph-level text containers. */
    String paragraphNamespace();

    List<String> paragraphNames();

    /** Whether this paragraph holds translatable text at all (a number cell's display text does not). */
    default boolean translatable(Element paragraph) {
        return true;
    }

    /** The inline content of a paragraph or span, in order; properties that stay in place are not listed. */
    List<Inline> read(Element container);

    /** A node carrying {@code text} with the formatting of {@code style} (null: the container's own). */
    Node text(Element container, Element style, String text);

    /** A copy of {@code node} wrapped as {@code style} wraps it. */
    Node atom(Element container, Element style, Node node);

    /** Whether two styles format text alike, so their texts can be one run. */
    boolean sameStyle(Element a, Element b);
}
