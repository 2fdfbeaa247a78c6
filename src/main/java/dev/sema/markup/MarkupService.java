package dev.sema.markup;

import dev.sema.detection.DetectionService;
import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.languages.LanguageTags;
import dev.sema.translation.TranslatedSegment;
import dev.sema.translation.Translation;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationResult;
import dev.sema.translation.TranslationService;
import dev.sema.translation.WordAligner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translation of markup: each document's units and attributes go to the model as plain sentences, all texts of
 * one request (per source language) in one translation call so the engine batches them, then the tags are
 * projected back with the word aligner, which gets the engine's segments and their source encoder states
 * ({@link TranslationOptions#withSourceStates()}, asked only where there are tags) so it encodes only the
 * translations. Without a source
 * language, each document's language is detected once from all its text (a short unit such as "Home" alone would
 * be a poor guess).
 */
@ApplicationScoped
public class MarkupService {

    /** Detector candidates, as for plain texts. */
    private static final int DETECTION_CANDIDATES = 3;
    /** Characters of a document's text the detector reads: plenty for a language, bounded for long pages. */
    private static final int DETECTION_CHARACTERS = 2000;

    private final TranslationService translation;
    private final DetectionService detection;
    private final LanguageCatalogue catalogue;
    private final LanguageTags tags;
    private final WordAligner aligner;

    /**
     * @param aligner links each sentence's words to its translation's (no links: projection's fallback)
     */
    @Inject
    public MarkupService(TranslationService translation, DetectionService detection, LanguageCatalogue catalogue,
                         WordAligner aligner) {
        this.translation = translation;
        this.detection = detection;
        this.catalogue = catalogue;
        this.tags = catalogue == null ? null : new LanguageTags(catalogue.all());
        this.aligner = aligner;
    }

    /** For the CDI client proxy only. */
    protected MarkupService() {
        this(null, null, null, null);
    }

    /**
     * @param documents read with {@link MarkupDocument#read}
     * @param source    the source as the client named it, or null to detect each document's
     * @param target    the target as the client named it
     * @return one translation per document, in order; each counts the characters the model translated
     */
    public TranslationResult translate(List<MarkupDocument> documents, String source, String target,
                                       TranslationOptions options) {
        long start = System.nanoTime();
        Language to = catalogue.require("target_language", target);
        Language from = source == null ? null : catalogue.require("source_language", source);
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        String[] sources = new String[documents.size()];
        Double[] confidences = new Double[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            List<String> texts = documents.get(i).texts();
            if (from != null) {
                sources[i] = from.code();
            } else if (!texts.isEmpty()) {
                DetectionService.Identification.Scored best = detect(texts);
                sources[i] = best.language().code();
                confidences[i] = best.confidence();
            }
            if (sources[i] != null) {
                bySource.computeIfAbsent(sources[i], k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Translation>> translated = new ArrayList<>(
                documents.stream().map(d -> List.<Translation>of()).toList());
        bySource.forEach((code, indices) -> translateGroup(documents, indices, code, to, options, translated));
        List<Translation> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            String code = sources[i];
            MarkupDocument document = documents.get(i);
            Map<List<String>, List<TranslatedSegment>> segments = segments(document, translated.get(i));
            String rendered = document.render(translated.get(i).stream().map(Translation::text).toList(),
                    (s, t) -> aligner.align(s, code, t, to.code(), segments.getOrDefault(List.of(s, t), List.of())),
                    tags.tag(to), LanguageTags.rightToLeft(to));
            out.add(new Translation(rendered, List.of(), code, confidences[i], document.characterCount()));
        }
        return new TranslationResult(out, to.code(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Each text's segments with their encoder states, by text and translation: the aligner takes them instead of
     * encoding the sentences again.
     */
    private static Map<List<String>, List<TranslatedSegment>> segments(MarkupDocument document,
                                                                       List<Translation> translations) {
        Map<List<String>, List<TranslatedSegment>> segments = new HashMap<>();
        List<String> texts = document.texts();
        for (int k = 0; k < translations.size(); k++) {
            segments.put(List.of(texts.get(k), translations.get(k).text()), translations.get(k).segments());
        }
        return segments;
    }

    /**
     * All texts of the documents of one source language in one call, so the engine batches them together; with
     * their encoder states only when some document has tags to project (copying states costs d_model floats per
     * token).
     */
    private void translateGroup(List<MarkupDocument> documents, List<Integer> indices, String source, Language to,
                                TranslationOptions options, List<List<Translation>> translated) {
        List<String> texts = new ArrayList<>();
        indices.forEach(i -> texts.addAll(documents.get(i).texts()));
        boolean tagged = indices.stream().anyMatch(i -> documents.get(i).tagged());
        List<Translation> results = translation.translate(new TranslationJob(texts, source, to.code(),
                tagged ? options.withSourceStates() : options)).translations();
        int next = 0;
        for (int i : indices) {
            int count = documents.get(i).texts().size();
            translated.set(i, results.subList(next, next + count));
            next += count;
        }
    }

    private DetectionService.Identification.Scored detect(List<String> texts) {
        String joined = String.join("\n", texts);
        String sample = joined.length() <= DETECTION_CHARACTERS ? joined : joined.substring(0, DETECTION_CHARACTERS);
        return detection.identify(sample, DETECTION_CANDIDATES,
                LanguageUndeterminedException.Purpose.TRANSLATION_SOURCE).best();
    }
}
