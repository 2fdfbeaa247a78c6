package dev.sema.detection;

import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.observability.SemaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Language identification use case, for {@code /detect-language} and for translation without a source language:
 * asks the detector, keeps the candidates the catalogue knows and records the detection metrics.
 *
 * <p>Detection runs on the caller's thread, outside the inference bulkhead: fastText answers in microseconds, so
 * queueing it behind the translator (and hopping to a worker thread) would cost more than the work, and an
 * overloaded translator should not make {@code /detect-language} fail.
 */
@ApplicationScoped
public class DetectionService {

    private final LanguageDetector detector;
    private final LanguageCatalogue catalogue;
    private final SemaMetrics metrics;

    @Inject
    public DetectionService(LanguageDetector detector, LanguageCatalogue catalogue, SemaMetrics metrics) {
        this.detector = detector;
        this.catalogue = catalogue;
        this.metrics = metrics;
    }

    /** For the CDI client proxy only. */
    protected DetectionService() {
        this(null, null, null);
    }

    /**
     * @param text    client text, stripped and non-blank
     * @param topK    detector candidates to look at (≥ 1)
     * @param purpose what the language is needed for, reported when there is none
     * @return the supported languages among the candidates, best first, and whether the best is reliable
     * @throws LanguageUndeterminedException when no candidate is a supported language
     */
    public Identification identify(String text, int topK, LanguageUndeterminedException.Purpose purpose) {
        long start = System.nanoTime();
        Detection detection = detector.detect(text, topK);
        Detection.Candidate best = detection.best();
        metrics.recordDetection(best == null ? null : best.language(), Duration.ofNanos(System.nanoTime() - start));
        List<Identification.Scored> supported = detection.candidates().stream()
                .flatMap(c -> catalogue.find(c.language()).stream()
                        .map(language -> new Identification.Scored(language, c.confidence())))
                .toList();
        if (supported.isEmpty()) {
            throw new LanguageUndeterminedException(purpose, detection.rawLabels().stream()
                    .map(c -> new LanguageUndeterminedException.Candidate(c.language(), c.confidence())).toList());
        }
        return new Identification(supported, detection.reliable());
    }

    /**
     * @param candidates supported languages, best first (never empty)
     * @param reliable   whether the best one's probability reaches {@code sema.lid-min-confidence}
     */
    public record Identification(List<Scored> candidates, boolean reliable) {

        /** A language and the model's probability for it. */
        public record Scored(Language language, double confidence) {
        }

        public Scored best() {
            return candidates.get(0);
        }
    }
}
