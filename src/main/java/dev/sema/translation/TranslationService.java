package dev.sema.translation;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.detection.Detection;
import dev.sema.detection.LanguageDetector;
import dev.sema.guard.GuardedInference;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translation use case behind {@code /translate} and {@code /translate/batch}: validates and limits the
 * request, resolves languages through the catalogue (aliases and names become canonical codes), detects the
 * source of each text when the client gave none, then hands texts grouped by source to the engine.
 */
@ApplicationScoped
public class TranslationService {

    /** Detector candidates to look at when auto-detecting a source language. */
    private static final int DETECTION_CANDIDATES = 3;
    /** Clients commonly send "auto" (or an empty string) to ask for detection; both mean "absent". */
    private static final String AUTO_DETECT = "auto";

    private final TranslationEngine engine;
    private final LanguageDetector detector;
    private final LanguageCatalogue catalogue;
    private final TranslationConfig config;
    private final GuardedInference inference;

    @Inject
    public TranslationService(TranslationEngine engine, LanguageDetector detector, LanguageCatalogue catalogue,
                              TranslationConfig config, GuardedInference inference) {
        this.engine = engine;
        this.detector = detector;
        this.catalogue = catalogue;
        this.config = config;
        this.inference = inference;
    }

    /** For the CDI client proxy only. */
    protected TranslationService() {
        this(null, null, null, null, null);
    }

    public TranslationResult translate(String text, String sourceLanguage, String targetLanguage, Integer beamSize,
                                       Integer alternatives) {
        long start = System.nanoTime();
        String stripped = RequestChecks.requireText("text", text, config.maxCharacters());
        return run(List.of(stripped), sourceLanguage, targetLanguage, beamSize, alternatives, start);
    }

    /** Texts share the target (and the source if given); the character limit applies to their total. */
    public TranslationResult translateBatch(List<String> texts, String sourceLanguage, String targetLanguage,
                                            Integer beamSize, Integer alternatives) {
        long start = System.nanoTime();
        RequestChecks.requireField("texts", texts);
        if (texts.isEmpty() || texts.size() > config.batchMaxTexts()) {
            throw RequestChecks.invalid(texts.isEmpty() ? 400 : 413, texts.isEmpty() ? "empty_batch" : "batch_too_large",
                    "texts", "A batch holds 1 to " + config.batchMaxTexts() + " texts; got " + texts.size() + ".",
                    "1 to " + config.batchMaxTexts() + " texts");
        }
        List<String> stripped = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            stripped.add(RequestChecks.requireText("texts[" + i + "]", texts.get(i), config.maxCharacters()));
        }
        int total = stripped.stream().mapToInt(RequestChecks::codePoints).sum();
        if (total > config.maxCharacters()) {
            throw new ApiException(413, "text_too_long", "Batch too long: " + total + " characters in total, maximum "
                    + config.maxCharacters() + " allowed.", List.of(new ApiException.FieldError("texts",
                    "at most " + config.maxCharacters() + " characters in total")),
                    Map.of("max_characters", config.maxCharacters(), "character_count", total), Map.of());
        }
        return run(stripped, sourceLanguage, targetLanguage, beamSize, alternatives, start);
    }

    private TranslationResult run(List<String> texts, String sourceLanguage, String targetLanguage, Integer beamSize,
                                  Integer alternatives, long start) {
        Language target = catalogue.require("target_language", RequestChecks.requireField("target_language",
                targetLanguage));
        Optional<Language> source = Optional.ofNullable(sourceLanguage)
                .filter(s -> !s.isBlank() && !s.strip().equalsIgnoreCase(AUTO_DETECT))
                .map(s -> catalogue.require("source_language", s));
        TranslationOptions options = options(beamSize, alternatives);
        Detected[] sources = new Detected[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            sources[i] = source.isPresent() ? new Detected(source.get().code(), null) : detect(texts.get(i));
        }
        Translation[] translations = new Translation[texts.size()];
        groupBySource(sources).forEach((code, indices) -> {
            List<String> group = indices.stream().map(texts::get).toList();
            List<TranslationOutput> outputs = inference.translate(engine, group, code, target.code(), options);
            for (int j = 0; j < indices.size(); j++) {
                int i = indices.get(j);
                TranslationOutput out = outputs.get(j);
                translations[i] = new Translation(out.text().strip(),
                        out.alternatives().stream().map(String::strip).toList(), code, sources[i].confidence(),
                        RequestChecks.codePoints(texts.get(i)));
            }
        });
        return new TranslationResult(Arrays.asList(translations), target.code(), (System.nanoTime() - start) / 1e9);
    }

    private TranslationOptions options(Integer beamSize, Integer alternatives) {
        int beams = RequestChecks.optionalRange("beam_size", beamSize, 1, config.maxBeamSize(), 0);
        int maxAlternatives = beams == 0 ? config.maxBeamSize() : beams;
        int alts = RequestChecks.optionalRange("alternatives", alternatives, 0, maxAlternatives, 0);
        return new TranslationOptions(beams, alts);
    }

    /** The best detector candidate the catalogue knows; 400 when none maps to a supported language. */
    private Detected detect(String text) {
        Detection detection = inference.detect(detector, text, DETECTION_CANDIDATES);
        for (Detection.Candidate candidate : detection.candidates()) {
            Optional<Language> language = catalogue.find(candidate.language());
            if (language.isPresent()) {
                return new Detected(language.get().code(), candidate.confidence());
            }
        }
        List<Map<String, Object>> candidates = detection.rawLabels().stream()
                .map(c -> Map.<String, Object>of("language", c.language(), "confidence", c.confidence()))
                .toList();
        throw new ApiException(400, "source_language_undetermined", "Could not determine a supported source"
                + " language; set source_language explicitly.", List.of(new ApiException.FieldError(
                "source_language", "required for this text")), Map.of("candidates", candidates), Map.of());
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
