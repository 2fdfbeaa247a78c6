package dev.sema.translation;

import dev.sema.api.error.ApiException;
import dev.sema.detection.Detection;
import dev.sema.detection.LanguageDetector;
import dev.sema.guard.GuardedInference;
import dev.sema.guard.InferenceGuard;
import dev.sema.guard.InferencePool;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.models.ModelStatus;
import dev.sema.observability.SemaMetrics;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The service's own logic with recording engines: alias resolution, per-text detection grouped by source,
 * trimming, options and the failure statuses. The engines here only record calls; real ones are tested in
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
    private final TranslationConfig config = new TranslationConfig(30, 3, 8);
    private final RecordingEngine engine = new RecordingEngine();
    private final InferenceGuard guard = new InferenceGuard(new InferencePool(1, 0, Executors.defaultThreadFactory(),
                UnaryOperator.identity()),
            Duration.ofSeconds(30));
    private final GuardedInference inference = new GuardedInference(guard,
            new SemaMetrics(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE), guard));
    private final TranslationService service = new TranslationService(engine, DETECTOR, catalogue, config,
            inference);

    /** Other tests count exact series in the shared registry. */
    @AfterAll
    static void dropMetrics() {
        SharedMetricRegistries.dropAll();
    }

    @Test
    void resolvesAliasesAndTrims() {
        TranslationResult result = service.translate("  hello  ", "en", "Swahili", null, null);
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
        TranslationResult result = service.translateBatch(List.of("habari", "bonjour", "habari yako"), "auto",
                "eng_Latn", null, null);
        assertEquals(List.of("swh_Latn->eng_Latn:[habari, habari yako]", "fra_Latn->eng_Latn:[bonjour]"),
                engine.calls);
        assertEquals(List.of("swh_Latn", "fra_Latn", "swh_Latn"),
                result.translations().stream().map(Translation::sourceLanguage).toList());
        assertEquals("[eng_Latn] habari yako", result.translations().get(2).text(), "request order kept");
        assertEquals(0.9, result.translations().get(1).sourceConfidence());
    }

    @Test
    void passesOptionsAndTrimsAlternatives() {
        Translation t = service.translate("hello", "en", "fr", 4, 2).translations().get(0);
        assertEquals(new TranslationOptions(4, 2), engine.lastOptions);
        assertEquals(List.of("alt of hello"), t.alternatives());
        assertEquals(400, assertThrows(ApiException.class,
                () -> service.translate("hello", "en", "fr", 2, 3)).status(), "alternatives above beam size");
    }

    @Test
    void undeterminedSourceIs400WithCandidates() {
        ApiException e = assertThrows(ApiException.class, () -> service.translate("??? quid", null, "fr", null, null));
        assertEquals(400, e.status());
        assertEquals("source_language_undetermined", e.code());
        assertEquals(1, ((List<?>) e.extensions().get("candidates")).size());
    }

    @Test
    void limitsApplyToEachTextAndTheBatchTotal() {
        assertEquals(413, assertThrows(ApiException.class,
                () -> service.translate("x".repeat(31), "en", "fr", null, null)).status());
        assertEquals(413, assertThrows(ApiException.class,
                () -> service.translateBatch(List.of("x".repeat(20), "y".repeat(20)), "en", "fr", null, null)).status());
        assertEquals("batch_too_large", assertThrows(ApiException.class,
                () -> service.translateBatch(List.of("a", "b", "c", "d"), "en", "fr", null, null)).code());
    }
}
