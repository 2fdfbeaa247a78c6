package dev.sema.api;

import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.markup.MarkupJob;
import dev.sema.markup.MarkupOptions;
import dev.sema.markup.MarkupService;
import dev.sema.observability.EventLog;
import dev.sema.translation.TermBook;
import dev.sema.translation.Translation;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationResult;
import dev.sema.translation.TranslationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a checked translation request the one way every translating route does: plain texts through the translation
 * service, markup (with {@code tag_handling}) through the markup service; then the trace's character count and one
 * {@code translation_request} event per text. Shared by {@link TranslateResource} and the compatibility surfaces
 * ({@code api/compat}), so usage, events and metrics cannot drift apart between them.
 */
@ApplicationScoped
public class TranslationRunner {

    private final TranslationService service;
    private final MarkupService markup;
    private final TranslationRequests requests;
    private final RequestTrace trace;
    private final EventLog events;

    @Inject
    public TranslationRunner(TranslationService service, MarkupService markup, ApiConfig config, RequestTrace trace,
                             EventLog events) {
        this.service = service;
        this.markup = markup;
        this.requests = new TranslationRequests(config);
        this.trace = trace;
        this.events = events;
    }

    /** For the CDI client proxy only. */
    protected TranslationRunner() {
        this.service = null;
        this.markup = null;
        this.requests = null;
        this.trace = null;
        this.events = null;
    }

    /** A {@code /translate/batch} body, checked as that route checks it, without a glossary. */
    public TranslationResult batch(BatchTranslateRequest request) {
        return batch(request, TermBook.NONE);
    }

    /** A {@code /translate/batch} body, checked as that route checks it, under a glossary's terms. */
    public TranslationResult batch(BatchTranslateRequest request, TermBook terms) {
        MarkupOptions markupOptions = TranslationRequests.markupOptions(request);
        return run(markupOptions, () -> requests.batch(request).withTerms(terms),
                () -> requests.batchMarkup(request, markupOptions).withTerms(terms));
    }

    TranslationResult run(MarkupOptions markupOptions, Supplier<TranslationJob> plain, Supplier<MarkupJob> tagged) {
        List<String> texts;
        TranslationResult result;
        if (markupOptions == null) {
            TranslationJob job = plain.get();
            texts = job.texts();
            result = service.translate(job);
        } else {
            MarkupJob job = tagged.get();
            texts = job.texts();
            result = markup.translate(job.documents(), job.source(), job.target(), job.options());
        }
        trace.characters(result.characterCount());
        logEvents(result, texts);
        return result;
    }

    /** One {@code translation_request} event per text; the text itself only if {@code sema.log-text=true}. */
    private void logEvents(TranslationResult result, List<String> texts) {
        Duration inference = Duration.ofNanos(Math.round(result.inferenceSeconds() * 1e9));
        Duration total = trace.elapsed();
        for (int i = 0; i < result.translations().size(); i++) {
            Translation t = result.translations().get(i);
            events.translationRequest(trace.requestId(), null, t.sourceLanguage(), result.targetLanguage(),
                    t.characterCount(), inference, total, texts.get(i));
        }
    }
}
