package dev.sema.api;

import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.dto.TranslateRequest;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The edge's checks of {@code /translate} and {@code /translate/batch} bodies, which turn them into a
 * {@link TranslationJob}: texts present, non-blank and within {@code sema.max-characters} (a batch in total as
 * well), 1 to {@code sema.batch-max-texts} texts, a target language, {@code beam_size} and {@code alternatives}
 * in range; a stream's body the same, without alternatives. Each refusal is an {@link ApiException} naming the field ({@code texts[3]}).
 */
public final class TranslationRequests {

    /** Clients commonly send "auto" (or an empty string) to ask for detection; both mean "absent". */
    private static final String AUTO_DETECT = "auto";

    private final ApiConfig config;

    public TranslationRequests(ApiConfig config) {
        this.config = config;
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
        List<String> texts = RequestChecks.requireField("texts", r.texts());
        int max = config.batchMaxTexts();
        if (texts.isEmpty() || texts.size() > max) {
            throw RequestChecks.invalid(texts.isEmpty() ? 400 : 413, texts.isEmpty() ? "empty_batch" : "batch_too_large",
                    "texts", "A batch holds 1 to " + max + " texts; got " + texts.size() + ".", "1 to " + max + " texts");
        }
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

    private TranslationJob job(List<String> texts, String source, String target, Integer beamSize,
                               Integer alternatives) {
        String requiredTarget = RequestChecks.requireField("target_language", target);
        boolean detect = source == null || source.isBlank() || source.strip().equalsIgnoreCase(AUTO_DETECT);
        int beams = RequestChecks.optionalRange("beam_size", beamSize, 1, config.maxBeamSize(), 0);
        int maxAlternatives = beams == 0 ? config.maxBeamSize() : beams;
        int alts = RequestChecks.optionalRange("alternatives", alternatives, 0, maxAlternatives, 0);
        return new TranslationJob(texts, detect ? null : source, requiredTarget, new TranslationOptions(beams, alts));
    }
}
