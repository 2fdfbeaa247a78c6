package dev.sema.translation;

import java.util.List;

/**
 * What a client asked to translate, already checked at the edge: every text stripped and non-blank, within the
 * limits, options within range.
 *
 * @param texts   one or more texts, translated in this order
 * @param source  the source language as the client named it (code, alias or name), or null to detect each text's
 * @param target  the target language as the client named it
 * @param options beams and alternatives
 */
public record TranslationJob(List<String> texts, String source, String target, TranslationOptions options) {

    public TranslationJob {
        texts = List.copyOf(texts);
    }

    /** The same job with the terms of {@code terms} required. */
    public TranslationJob withTerms(TermBook terms) {
        return new TranslationJob(texts, source, target, options.withTerms(terms));
    }
}
