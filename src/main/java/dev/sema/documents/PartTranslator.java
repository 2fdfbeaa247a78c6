package dev.sema.documents;

import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;
import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupService;
import dev.sema.translation.TermBook;
import dev.sema.translation.Translation;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates a run of a document's parts that share one kind in a single call, so the engine batches their
 * sentences: text parts through {@link TranslationService}, HTML and XML parts through {@link MarkupService} (tags
 * kept by projection), as background work that the decoder serves after interactive requests, with the terms of the
 * document's glossary, if it has one. A text part's surrounding white space is the document's layout, not the
 * model's: it is put back around the translation, and a blank part stays as it is.
 */
@ApplicationScoped
public class PartTranslator {

    private final TranslationService translation;
    private final MarkupService markup;

    @Inject
    public PartTranslator(TranslationService translation, MarkupService markup) {
        this.translation = translation;
        this.markup = markup;
    }

    /** For the CDI client proxy only. */
    protected PartTranslator() {
        this(null, null);
    }

    /** A part's translation and the characters billed for it. */
    public record Translated(String content, long characters) {
    }

    /**
     * @param parts  of one kind, each translated once
     * @param source the source language's code
     * @param terms  terms every translation must contain (a glossary), {@link TermBook#NONE} for none
     * @return one translation per part, in order
     */
    List<Translated> translate(List<ReadPart> parts, String source, String target, TermBook terms) {
        TranslationOptions options = TranslationOptions.BACKGROUND.withTerms(terms);
        if (parts.get(0).kind() == PartKind.TEXT) {
            return texts(parts.stream().map(ReadPart::part).toList(), source, target, options);
        }
        List<MarkupDocument> documents = parts.stream().map(ReadPart::markup).toList();
        List<Translation> out = markup.translate(documents, source, target, options).translations();
        return out.stream().map(t -> new Translated(t.text(), t.characterCount())).toList();
    }

    private List<Translated> texts(List<DocumentPart> parts, String source, String target,
                                   TranslationOptions options) {
        List<String> cores = new ArrayList<>();
        for (DocumentPart part : parts) {
            String core = part.content().strip();
            if (!core.isEmpty()) {
                cores.add(core);
            }
        }
        List<Translation> out = cores.isEmpty() ? List.of()
                : translation.translate(new TranslationJob(cores, source, target, options))
                .translations();
        List<Translated> translated = new ArrayList<>(parts.size());
        int next = 0;
        for (DocumentPart part : parts) {
            String content = part.content();
            String core = content.strip();
            if (core.isEmpty()) {
                translated.add(new Translated(content, 0));
                continue;
            }
            Translation t = out.get(next++);
            int start = content.indexOf(core);
            translated.add(new Translated(content.substring(0, start) + t.text()
                    + content.substring(start + core.length()), t.characterCount()));
        }
        return translated;
    }
}
