package dev.sema.translation;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.batching.Cancellation;
import dev.sema.detection.Detection;
import dev.sema.detection.DetectionService;
import dev.sema.detection.LanguageDetector;
import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.models.ModelStatus;
import dev.sema.observability.SemaMetrics;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The service's own logic with recording engines: alias resolution, per-text detection grouped by source,
 * trimming of the output, options and the failure statuses (the checks of request bodies are the edge's, in
 * {@code TranslationRequestsTest}). The engines here only record calls; real ones are tested in
 * their packages.
 */
class TranslationServiceTest {

    private static final ModelStatus READY = new ModelStatus("test", ModelStatus.State.READY, null, null, Map.of());

    /** Records each call and answers "[target] text" with padding, so trimming is visible. */
    private static final class RecordingEngine implements TranslationEngine {
        final List<String> calls = new ArrayList<>();
        TranslationOptions lastOptions;

        @Override
        public List<TranslationOutput> translate(List<String> texts, String source, String target,
                                                 TranslationOptions options, Cancellation cancellation) {
            calls.add(source + "->" + target + ":" + texts);
            lastOptions = options;
            return texts.stream().map(t -> new TranslationOutput("  [" + target + "] " + t + " ",
                    List.of(" alt of " + t + " "))).toList();
        }

        /** Segments by sentence, as the engine does, with one token per character. */
        @Override
        public SegmentedText segment(String text, String source, String target) {
            calls.add("segment " + source + "->" + target);
            return new Segmenter(String::length, 400).segment(text, source);
        }

        @Override
        public void stream(SegmentedText text, String source, String target, TranslationOptions options,
                           Cancellation cancellation, SegmentListener listener) {
            calls.add("stream " + source + "->" + target + ":" + text.segments().size());
        }

        @Override
        public ModelStatus status() {
            return READY;
        }
    }

    /** Detects by a keyword, like a toy classifier; "???" maps to nothing the catalogue knows. */
    private static final LanguageDetector DETECTOR = new LanguageDetector() {
        @Override
        public Detection detect(String text, int topK) {
            if (text.contains("???")) {
                List<Detection.Candidate> raw = List.of(new Detection.Candidate("__label__la", 0.4));
                return new Detection(List.of(), false, raw);
            }
            String code = text.contains("habari") ? "swh_Latn" : "fra_Latn";
            List<Detection.Candidate> candidates = List.of(new Detection.Candidate(code, 0.9));
            return new Detection(candidates, true, candidates);
        }

        @Override
        public ModelStatus status() {
            return READY;
        }
    };

    private final LanguageCatalogue catalogue = new LanguageCatalogue();
    private final RecordingEngine engine = new RecordingEngine();
    private final SemaMetrics metrics = new SemaMetrics(SharedMetricRegistries.getOrCreate(
            MetricRegistry.APPLICATION_SCOPE));
    private final TranslationService service = new TranslationService(engine,
            new DetectionService(DETECTOR, catalogue, metrics), catalogue);

    /** A job as the edge hands it over: texts stripped, {@code "auto"} already turned into null. */
    private static TranslationJob job(List<String> texts, String source, String target, int beams, int alternatives) {
        return new TranslationJob(texts, source, target, new TranslationOptions(beams, alternatives));
    }

    /** Other tests count exact series in the shared registry. */
    @AfterAll
    static void dropMetrics() {
        SharedMetricRegistries.dropAll();
    }

    @Test
    void resolvesAliasesAndTrimsTheOutput() {
        TranslationResult result = service.translate(job(List.of("hello"), "en", "Swahili", 0, 0));
        assertEquals(List.of("eng_Latn->swh_Latn:[hello]"), engine.calls);
        Translation t = result.translations().get(0);
        assertEquals("[swh_Latn] hello", t.text());
        assertEquals("eng_Latn", t.sourceLanguage());
        assertNull(t.sourceConfidence(), "no confidence when the client named the source");
        assertEquals(5, t.characterCount());
        assertEquals("swh_Latn", result.targetLanguage());
    }

    @Test
    void detectsEachTextAndGroupsBySource() {
        TranslationResult result = service.translate(job(List.of("habari", "bonjour", "habari yako"), null,
                "eng_Latn", 0, 0));
        assertEquals(List.of("swh_Latn->eng_Latn:[habari, habari yako]", "fra_Latn->eng_Latn:[bonjour]"),
                engine.calls);
        assertEquals(List.of("swh_Latn", "fra_Latn", "swh_Latn"),
                result.translations().stream().map(Translation::sourceLanguage).toList());
        assertEquals("[eng_Latn] habari yako", result.translations().get(2).text(), "request order kept");
        assertEquals(0.9, result.translations().get(1).sourceConfidence());
    }

    @Test
    void preparesAStreamWithItsDetectedSourceAndSegmentsBeforeAnyInference() {
        PreparedStream prepared = service.prepare(job(List.of("Habari yako. Sema habari gani?"), null, "en", 2, 0));
        assertEquals(List.of("segment swh_Latn->eng_Latn"), engine.calls, "segmented only, nothing translated");
        assertEquals("swh_Latn", prepared.sourceLanguage());
        assertEquals(0.9, prepared.sourceConfidence());
        assertEquals("eng_Latn", prepared.targetLanguage());
        assertEquals(2, prepared.segmentCount());
        assertEquals(30, prepared.characterCount());
        service.stream(prepared, null);
        assertEquals("stream swh_Latn->eng_Latn:2", engine.calls.get(1));
    }

    @Test
    void passesOptionsAndTrimsAlternatives() {
        Translation t = service.translate(job(List.of("hello"), "en", "fr", 4, 2)).translations().get(0);
        assertEquals(new TranslationOptions(4, 2), engine.lastOptions);
        assertEquals(List.of("alt of hello"), t.alternatives());
    }

    @Test
    void undeterminedSourceIs400WithCandidates() {
        ApiException e = FailureMapper.toApi(assertThrows(LanguageUndeterminedException.class,
                () -> service.translate(job(List.of("??? quid"), null, "fr", 0, 0))));
        assertEquals(400, e.status());
        assertEquals("source_language_undetermined", e.code());
        assertEquals(1, e.error().candidates().size());
    }
}
