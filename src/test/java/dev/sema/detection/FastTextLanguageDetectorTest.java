package dev.sema.detection;

import dev.sema.languages.NllbLanguages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelSlot;
import dev.sema.models.ModelStatus;
import dev.sema.models.ModelStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastTextLanguageDetectorTest {

    @TempDir
    Path dir;

    /** A detector over the registry's language identification slot, loaded from {@code path} as at start-up. */
    private static FastTextLanguageDetector started(Path path) {
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(Map.of("sema.lid-model", path.toString())),
                Runnable::run);
        registry.reloadLanguageIdentification().exceptionally(failure -> null);
        return new FastTextLanguageDetector(registry, new DetectionConfig(0.5, true));
    }

    private static FastTextLanguageDetector lid176() {
        return started(SharedData.lid176());
    }

    @Test
    void withoutAModelDetectionAnswers503() {
        FastTextLanguageDetector d = new FastTextLanguageDetector(new ModelSlot<>("language_identification"),
                new DetectionConfig(0.5, true));
        assertEquals(State.NOT_CONFIGURED, d.status().state());
        assertEquals("language_identification", d.status().name());
        ApiException e = FailureMapper.toApi(assertThrows(ModelUnavailableException.class, () -> d.detect("hello", 1)));
        assertEquals(503, e.status());
        assertEquals("model_not_loaded", e.code());
        assertEquals("30", e.headers().get("Retry-After"));
    }

    @Test
    void missingOrCorruptFileFailsWithTheReasonButDoesNotThrow() throws Exception {
        Path missing = dir.resolve("lid.ftz");
        FastTextLanguageDetector d = started(missing);
        assertEquals(State.FAILED, d.status().state());
        assertTrue(d.status().detail().contains(missing + " is not a readable file"), d.status().detail());
        ApiException e = FailureMapper.toApi(assertThrows(ModelUnavailableException.class, () -> d.detect("hello", 1)));
        assertTrue(e.detail().contains("is not a readable file"), e.detail());

        Path corrupt = Files.writeString(dir.resolve("corrupt.ftz"), "not a model");
        assertTrue(started(corrupt).status().detail().contains("bad magic number"));
    }

    @Test
    void readyModelDescribesItself() {
        ModelStatus s = lid176().status();
        assertTrue(s.ready());
        assertEquals(176, s.info().get("labels"));
        assertEquals("hs", s.info().get("loss"));
        assertEquals(true, s.info().get("quantized"));
        assertEquals("local", s.info().get("source"));
        assertTrue((Double) s.info().get("load_time_seconds") >= 0);
        assertTrue(s.loadedAt() != null);
    }

    @Test
    void detectsNllbCodes() {
        FastTextLanguageDetector d = lid176();
        Detection fr = d.detect("Bonjour, comment allez-vous ?", 3);
        assertEquals("fra_Latn", fr.best().language());
        assertTrue(fr.reliable());
        assertEquals(3, fr.candidates().size());
        assertEquals("fr", fr.rawLabels().get(0).language());
        fr.candidates().forEach(c -> assertTrue(NllbLanguages.contains(c.language()), c.language()));
        assertTrue(fr.best().confidence() <= 1.0, "fastText's 1.00001 is capped");
        assertEquals("zho_Hant", d.detect("我們今天去公園散步，天氣很好。", 1).best().language());
        assertEquals("zho_Hans", d.detect("我们今天去公园散步，天气很好。", 1).best().language());
        assertEquals("srp_Cyrl",
                d.detect("Београд је главни град Србије и највећи град у земљи.", 1).best().language());
    }

    @Test
    void labelsWithoutAnNllbLanguageAreSkipped() {
        Detection latin = lid176().detect("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae", 5);
        assertEquals("la", latin.rawLabels().get(0).language());
        assertEquals(5, latin.candidates().size());
        assertNotEquals("la", latin.best().language());
        latin.candidates().forEach(c -> assertTrue(NllbLanguages.contains(c.language()), c.language()));
        assertFalse(latin.reliable(), "the best NLLB language is far less probable than Latin");
    }

    @Test
    void blankAndMultiLineText() {
        FastTextLanguageDetector d = lid176();
        Detection blank = d.detect(" \n\t ", 1);
        assertEquals(List.of(), blank.candidates());
        assertFalse(blank.reliable());
        // Without normalisation fastText would read only up to the first newline ("OK").
        assertEquals("deu_Latn", d.detect("OK\nDas ist ein ganz normaler deutscher Satz über das Wetter.", 1)
                .best().language());
        assertEquals("eng_Latn", d.detect("THIS IS AN ENGLISH SENTENCE WRITTEN IN CAPITAL LETTERS", 1)
                .best().language());
        assertThrows(IllegalArgumentException.class, () -> d.detect("hello", 0));
    }

    @Test
    void aFailedReloadKeepsTheServingModel() {
        Map<String, String> settings = new HashMap<>(Map.of("sema.lid-model", SharedData.lid176().toString()));
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(settings), Runnable::run);
        registry.reloadLanguageIdentification().toCompletableFuture().join();
        FastTextLanguageDetector d = new FastTextLanguageDetector(registry, new DetectionConfig(0.5, true));
        settings.put("sema.lid-model", dir.resolve("absent.ftz").toString());
        registry.reloadLanguageIdentification().exceptionally(failure -> null).toCompletableFuture().join();
        assertTrue(d.status().ready());
        assertTrue(d.status().detail().startsWith("last reload failed"), d.status().detail());
        assertEquals("fra_Latn", d.detect("Bonjour tout le monde", 1).best().language());
    }
}
