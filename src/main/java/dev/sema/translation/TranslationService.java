package dev.sema.translation;

import dev.sema.batching.Cancellation;
import dev.sema.detection.DetectionService;
import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translation use case behind {@code /translate} and {@code /translate/batch}: resolves languages through the
 * catalogue (aliases and names become canonical codes), detects the source of each text when the client gave
 * none, then hands texts grouped by source to the engine.
 */
@ApplicationScoped
public class TranslationService {

    /** Detector candidates to look at when auto-detecting a source language. */
    private static final int DETECTION_CANDIDATES = 3;

    private final TranslationEngine engine;
    private final DetectionService detection;
    private final LanguageCatalogue catalogue;

    /**
     * @param engine in the container, the NLLB engine inside the guard's wrapper (bulkhead, timeout, metrics)
     */
    @Inject
    public TranslationService(TranslationEngine engine, DetectionService detection, LanguageCatalogue catalogue) {
        this.engine = engine;
        this.detection = detection;
        this.catalogue = catalogue;
    }

    /** For the CDI client proxy only. */
    protected TranslationService() {
        this(null, null, null);
    }

    /**
     * @throws dev.sema.failure.UnsupportedLanguageException for a language the catalogue does not know
     * @throws LanguageUndeterminedException                 when a text's source cannot be detected
     */
    public TranslationResult translate(TranslationJob job) {
        long start = System.nanoTime();
        List<String> texts = job.texts();
        Language target = catalogue.require("target_language", job.target());
        Language source = job.source() == null ? null : catalogue.require("source_language", job.source());
        Detected[] sources = new Detected[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            sources[i] = source != null ? new Detected(source.code(), null) : detect(texts.get(i));
        }
        Translation[] translations = new Translation[texts.size()];
        groupBySource(sources).forEach((code, indices) -> {
            List<String> group = indices.stream().map(texts::get).toList();
            List<TranslationOutput> outputs = engine.translate(group, code, target.code(), job.options());
            for (int j = 0; j < indices.size(); j++) {
                int i = indices.get(j);
                TranslationOutput out = outputs.get(j);
                String text = texts.get(i);
                String best = out.text().strip();
                int trimmed = out.text().length() - out.text().stripLeading().length();
                translations[i] = new Translation(best,
                        out.alternatives().stream().map(String::strip).toList(), code, sources[i].confidence(),
                        text.codePointCount(0, text.length()), out.terms(), out.scores(),
                        out.segments().stream().map(segment -> segment.shiftTarget(trimmed)).toList());
            }
        });
        return new TranslationResult(Arrays.asList(translations), target.code(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Everything of a stream that can fail on the client's account, on the caller's thread and before any
     * inference: the languages, the source's detection, the model's support of both, the segments.
     *
     * @param job one text; alternatives are not streamed
     */
    public PreparedStream prepare(TranslationJob job) {
        String text = job.texts().get(0);
        Language target = catalogue.require("target_language", job.target());
        Detected source = job.source() == null ? detect(text)
                : new Detected(catalogue.require("source_language", job.source()).code(), null);
        SegmentedText segmented = engine.segment(text, source.code(), target.code());
        job.options().terms().forPair(source.code(), target.code()); // a glossary without the pair fails here
        return new PreparedStream(segmented, source.code(), source.confidence(), target.code(), job.options(),
                text.codePointCount(0, text.length()));
    }

    /**
     * Translates a prepared text segment by segment into {@code listener} (see {@link TranslationEngine#stream}).
     *
     * @throws java.util.concurrent.CancellationException when the listener's receiver went away
     */
    public void stream(PreparedStream prepared, SegmentListener listener) {
        engine.stream(prepared.text(), prepared.sourceLanguage(), prepared.targetLanguage(), prepared.options(),
                new Cancellation(), listener);
    }

    private Detected detect(String text) {
        DetectionService.Identification.Scored best = detection.identify(text, DETECTION_CANDIDATES,
                LanguageUndeterminedException.Purpose.TRANSLATION_SOURCE).best();
        return new Detected(best.language().code(), best.confidence());
    }

    private static Map<String, List<Integer>> groupBySource(Detected[] sources) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sources.length; i++) {
            groups.computeIfAbsent(sources[i].code(), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private record Detected(String code, Double confidence) {
    }
}
