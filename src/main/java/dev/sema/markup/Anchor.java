package dev.sema.markup;

import org.jsoup.nodes.Node;

/**
 * Something kept whole among a sentence's words without being translated: an atomic element (img, code, a
 * translate="no" span, a br inside an inline element, an inline element without words), a comment, CDATA, a
 * processing instruction or a placeholder.
 *
 * @param node        the node, put back as it is
 * @param position    where it stood in the sentence as the model saw it (characters before it)
 * @param spaceBefore whether whitespace separated it from the word before
 * @param spaceAfter  whether whitespace separated it from the word after
 */
record Anchor(Node node, int position, boolean spaceBefore, boolean spaceAfter) {
}
