package dev.sema.api;

import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.dto.TranslateRequest;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.markup.MarkupJob;
import dev.sema.api.markup.MarkupRequests;
import dev.sema.api.markup.TagHandling;
import dev.sema.markup.MarkupOptions;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The edge's checks of {@code /translate} and {@code /translate/batch} bodies, which turn them into a
 * {@link TranslationJob}: texts present, non-blank and within {@code sema.max-characters} (a batch in total as
 * well), 1 to {@code sema.batch-max-texts} texts, a target language, {@code beam_size} and {@code alternatives}
 * in range; a stream's body the same, without alternatives. Each refusal is an {@link ApiException} naming the
 * field ({@code texts[3]}). Bodies with {@code tag_handling} become a {@link MarkupJob} instead, whose texts
 * {@link MarkupRequests} checks.
 */
public final class TranslationRequests {

    /** Clients commonly send "auto" (or an empty string) to ask for detection; both mean "absent". */
    private static final String AUTO_DETECT = "auto";

    private final ApiConfig config;
    private final MarkupRequests markup;

    public TranslationRequests(ApiConfig config) {
        this.config = config;
        this.markup = new MarkupRequests(config);
    }

    /** @return the markup options of a {@code /translate} body, null for plain text */
    static MarkupOptions markupOptions(TranslateRequest r) {
        return r == null ? null : TagHandling.options(r.tagHandling(), r.ignoreTags(), r.splittingTags(),
                r.nonSplittingTags());
    }

    static MarkupOptions markupOptions(BatchTranslateRequest r) {
        return r == null ? null : TagHandling.options(r.tagHandling(), r.ignoreTags(), r.splittingTags(),
                r.nonSplittingTags());
    }

    MarkupJob singleMarkup(TranslateRequest r, MarkupOptions options) {
        noScoresForMarkup(r.scoresWanted());
        return markup.job(List.of("text"), List.of(RequestChecks.requireField("text", r.text())), options,
                source(r.sourceLanguage()), RequestChecks.requireField("target_language", r.targetLanguage()),
                options(r.beamSize(), null), r.alternatives());
    }

    MarkupJob batchMarkup(BatchTranslateRequest r, MarkupOptions options) {
        noScoresForMarkup(r.scoresWanted());
        List<String> texts = batchTexts(r);
        List<String> fields = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            fields.add("texts[" + i + "]");
        }
        return markup.job(fields, texts, options, source(r.sourceLanguage()),
                RequestChecks.requireField("target_language", r.targetLanguage()), options(r.beamSize(), null),
                r.alternatives());
    }

    /** Markup is translated in runs of text between tags, not in sentences: there is no sentence to score. */
    private static void noScoresForMarkup(boolean wanted) {
        if (wanted) {
            throw RequestChecks.invalid(400, "invalid_value", "include_scores", "Scores are given for plain text"
                    + " only; send include_scores without tag_handling.", "not with tag_handling");
        }
    }

    public TranslationJob single(TranslateRequest request) {
        TranslateRequest r = RequestChecks.requireBody(request);
        String text = RequestChecks.requireText("text", r.text(), config.maxCharacters());
        return job(List.of(text), r.sourceLanguage(), r.targetLanguage(), r.beamSize(), r.alternatives());
    }

    /** A {@link #single} text to stream: alternatives are not streamed, so asking for some is refused. */
    public TranslationJob stream(TranslateRequest request) {
        TranslationJob job = single(request);
        if (job.options().alternatives() > 0) {
            throw RequestChecks.invalid(400, "invalid_value", "alternatives", "A stream carries the best translation"
                    + " of each sentence only; ask /api/v1/translate for alternatives.", "not streamed");
        }
        return job;
    }

    /** Texts share the target (and the source if given); the character limit applies to their total. */
    TranslationJob batch(BatchTranslateRequest request) {
        BatchTranslateRequest r = RequestChecks.requireBody(request);
        List<String> texts = batchTexts(r);
        List<String> stripped = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            stripped.add(RequestChecks.requireText("texts[" + i + "]", texts.get(i), config.maxCharacters()));
        }
        int total = stripped.stream().mapToInt(RequestChecks::codePoints).sum();
        if (total > config.maxCharacters()) {
            throw RequestChecks.tooLong("Batch too long: " + total + " characters in total, maximum "
                    + config.maxCharacters() + " allowed.", "texts", "at most " + config.maxCharacters()
                    + " characters in total", config.maxCharacters(), total);
        }
        return job(stripped, r.sourceLanguage(), r.targetLanguage(), r.beamSize(), r.alternatives());
    }

    /** 1 to {@code sema.batch-max-texts} texts. */
    private List<String> batchTexts(BatchTranslateRequest r) {
        List<String> texts = RequestChecks.requireField("texts", RequestChecks.requireBody(r).texts());
        int max = config.batchMaxTexts();
        if (texts.isEmpty() || texts.size() > max) {
            throw RequestChecks.invalid(texts.isEmpty() ? 400 : 413, texts.isEmpty() ? "empty_batch" : "batch_too_large",
                    "texts", "A batch holds 1 to " + max + " texts; got " + texts.size() + ".", "1 to " + max + " texts");
        }
        return texts;
    }

    private TranslationJob job(List<String> texts, String source, String target, Integer beamSize,
                               Integer alternatives) {
        String requiredTarget = RequestChecks.requireField("target_language", target);
        return new TranslationJob(texts, source(source), requiredTarget, options(beamSize, alternatives));
    }

    /** The source as named, or null to detect it. */
    private static String source(String source) {
        boolean detect = source == null || source.isBlank() || source.strip().equalsIgnoreCase(AUTO_DETECT);
        return detect ? null : source;
    }

    private TranslationOptions options(Integer beamSize, Integer alternatives) {
        int beams = RequestChecks.optionalRange("beam_size", beamSize, 1, config.maxBeamSize(), 0);
        int maxAlternatives = beams == 0 ? config.maxBeamSize() : beams;
        int alts = RequestChecks.optionalRange("alternatives", alternatives, 0, maxAlternatives, 0);
        return new TranslationOptions(beams, alts);
    }
}
