package dev.sema.documents;

import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;
import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupOptions;

/**
 * A document's part as the model reads it, read once where it is needed: an upload counts and detects from it, a job
 * cuts a run by it and translates it, and neither parses a part's markup twice. A markup part's document is rendered
 * once, by the part's translation.
 *
 * @param markup     the part's markup, parsed; null for a text part
 * @param characters what the part costs: code points of the text the model reads (markup's tags are free)
 */
record ReadPart(DocumentPart part, MarkupDocument markup, long characters) {

    /** @throws dev.sema.failure.InvalidMarkupException for a markup part that does not parse */
    static ReadPart of(DocumentPart part) {
        if (part.kind() == PartKind.TEXT) {
            String text = part.content().strip();
            return new ReadPart(part, null, text.codePointCount(0, text.length()));
        }
        MarkupDocument markup = MarkupDocument.read("file", part.content(),
                part.kind() == PartKind.HTML ? MarkupOptions.html() : MarkupOptions.xml());
        return new ReadPart(part, markup, markup.characterCount());
    }

    PartKind kind() {
        return part.kind();
    }

    /** The text the model reads, lines joined: for detecting a document's language. */
    String text() {
        return markup == null ? part.content().strip() : String.join("\n", markup.texts());
    }
}
