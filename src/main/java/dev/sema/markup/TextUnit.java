package dev.sema.markup;

import org.jsoup.nodes.Node;

import java.util.List;

/**
 * One sentence-level unit of a document: the run of sibling nodes between two block boundaries, read as the text
 * the model translates, with its inline elements as a span tree.
 *
 * @param nodes     the run, consecutive children of one parent, in order
 * @param text      what the model translates: the run's words, whitespace collapsed (a newline inside a
 *                  paragraph is a space, as a browser shows it), without atomic parts
 * @param root      the span tree; the root wraps the whole text
 * @param lead      whitespace before the first word, kept as it was
 * @param trail     whitespace after the last word, kept as it was
 */
record TextUnit(List<Node> nodes, String text, InlineSpan root, String lead, String trail) {

    TextUnit {
        nodes = List.copyOf(nodes);
    }
}
