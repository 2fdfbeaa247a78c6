package dev.sema.api;

import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.dto.TranslateRequest;
import dev.sema.api.error.ApiException;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The edge's checks of translate bodies, with small limits: 30 code points, 3 texts per batch, 8 beams. */
class TranslationRequestsTest {

    private final TranslationRequests requests = new TranslationRequests(
            new ApiConfig(List.of("*"), 30, 3, 8, 1000, 10, "test", 65536, 32, Optional.empty(), 600, 200));

    private static TranslateRequest single(String text, String source, Integer beams, Integer alternatives) {
        return new TranslateRequest(text, "fr", source, beams, alternatives, null, null, null, null, null, null);
    }

    private static BatchTranslateRequest batch(List<String> texts) {
        return new BatchTranslateRequest(texts, "fr", "en", null, null, null, null, null, null, null, null);
    }

    @Test
    void stripsTextsAndTurnsAutoIntoDetection() {
        TranslationJob job = requests.single(single("  hello  ", "auto", null, null));
        assertEquals(List.of("hello"), job.texts());
        assertNull(job.source(), "auto means detect");
        assertEquals("fr", job.target());
        assertEquals(TranslationOptions.DEFAULT, job.options());
        assertNull(requests.single(single("hi", " ", null, null)).source(), "blank means detect too");
    }

    @Test
    void passesOptionsAndRefusesAlternativesAboveTheBeamSize() {
        assertEquals(new TranslationOptions(4, 2), requests.single(single("hello", "en", 4, 2)).options());
        assertEquals(400, assertThrows(ApiException.class,
                () -> requests.single(single("hello", "en", 2, 3))).status(), "alternatives above beam size");
    }

    @Test
    void limitsApplyToEachTextAndTheBatchTotal() {
        assertEquals(413, assertThrows(ApiException.class,
                () -> requests.single(single("x".repeat(31), "en", null, null))).status());
        assertEquals(413, assertThrows(ApiException.class,
                () -> requests.batch(batch(List.of("x".repeat(20), "y".repeat(20))))).status());
        assertEquals("batch_too_large", assertThrows(ApiException.class,
                () -> requests.batch(batch(List.of("a", "b", "c", "d")))).code());
        ApiException blank = assertThrows(ApiException.class, () -> requests.batch(batch(List.of("a", " "))));
        assertEquals("texts[1]", blank.error().errors().get(0).field());
    }
}
