package dev.sema.api.markup;

import dev.sema.markup.MarkupDocument;
import dev.sema.translation.TermBook;
import dev.sema.translation.TranslationOptions;

import java.util.List;

/**
 * A markup translation request, checked at the edge.
 *
 * @param documents each text read as markup
 * @param texts     the texts as the client sent them (for the event log)
 * @param source    the source as named, or null to detect each document's
 * @param target    the target as named
 * @param options   beams (alternatives are not offered for markup)
 */
public record MarkupJob(List<MarkupDocument> documents, List<String> texts, String source, String target,
                        TranslationOptions options) {

    public MarkupJob {
        documents = List.copyOf(documents);
        texts = List.copyOf(texts);
    }

    /** The same job with the terms of {@code terms} required. */
    public MarkupJob withTerms(TermBook terms) {
        return new MarkupJob(documents, texts, source, target, options.withTerms(terms));
    }
}
