package dev.sema.translation;

import dev.sema.languages.LanguageCatalogue;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the engine hands back for aligning words when asked ({@link TranslationOptions#withSourceStates()}): each
 * translated segment's place in the text and in its translation, with the ids it encoded and their states.
 */
class TranslatedSegmentsTest {

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();

    /** Leading space, a passage the engine copies (no letters), and two sentences it translates. */
    private static final String TEXT = "  Hello there, friend.\n\n42 — 7\n\nGoodbye now.  ";
    private static final EngineConfig CONFIG = EngineConfigs.of(1, 512, 400, 16);

    @Test
    void eachSegmentLiesWhereItsTextAndTranslationAreWithTheIdsAndStatesItWasEncodedWith() {
        TranslationOutput out = TestEngines.uncached(MODELS.echo, CONFIG)
                .translate(List.of(TEXT), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT.withSourceStates())
                .get(0);
        assertEquals(TEXT, out.text(), "the echo model");
        List<String> expected = List.of("Hello there, friend.", "Goodbye now.");
        assertEquals(expected, out.segments().stream().map(s -> TEXT.substring(s.sourceStart(), s.sourceEnd()))
                .toList());
        assertEquals(expected, out.segments().stream()
                .map(s -> out.text().substring(s.targetStart(), s.targetEnd())).toList());
        try (ModelSlot.Lease<NllbModel> lease = MODELS.echo.acquire()) {
            for (int i = 0; i < expected.size(); i++) {
                SourceEncoding encoding = out.segments().get(i).encoding().orElseThrow();
                long[] ids = lease.model().tokenizer().encodeSource(expected.get(i), "eng_Latn");
                assertArrayEquals(ids, encoding.ids());
                float[][] fresh = lease.model().encode(List.of(ids)).tokenStates(0, 0, ids.length);
                for (int t = 0; t < ids.length; t++) {
                    assertArrayEquals(fresh[t], encoding.states()[t], "token " + t + " of " + expected.get(i));
                }
            }
        }
    }

    @Test
    void notAskedNoSegments() {
        TranslationOutput out = TestEngines.uncached(MODELS.echo, CONFIG)
                .translate(List.of(TEXT), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT).get(0);
        assertEquals(List.of(), out.segments());
    }

    @Test
    void aCachedTranslationHasItsPlaceButNoStatesAndTheSameText() {
        NllbTranslationEngine engine = TestEngines.cached(MODELS.tiny, EngineConfigs.of(1, 16, 400, 16),
                new TranslationCache(100, SharedLevels.none(), (memory, shared, misses) -> { }));
        TranslationOptions options = TranslationOptions.DEFAULT.withSourceStates();
        TranslationOutput decoded = engine.translate(List.of(TEXT), "eng_Latn", "fra_Latn", options).get(0);
        TranslationOutput cached = engine.translate(List.of(TEXT), "eng_Latn", "fra_Latn", options).get(0);
        assertEquals(decoded.text(), cached.text());
        assertTrue(decoded.segments().stream().allMatch(s -> s.encoding().isPresent()), decoded.segments().toString());
        assertTrue(cached.segments().stream().noneMatch(s -> s.encoding().isPresent()), cached.segments().toString());
        assertEquals(decoded.segments().stream().map(TranslatedSegmentsTest::place).toList(),
                cached.segments().stream().map(TranslatedSegmentsTest::place).toList());
    }

    @Test
    void theServiceMovesThePlacesWithTheTrimmedTranslation() {
        TranslationService service = new TranslationService(TestEngines.uncached(MODELS.echo, CONFIG), null,
                new LanguageCatalogue());
        Translation translation = service.translate(new TranslationJob(List.of(TEXT), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT.withSourceStates())).translations().get(0);
        assertEquals(TEXT.strip(), translation.text());
        assertEquals(List.of("Hello there, friend.", "Goodbye now."), translation.segments().stream()
                .map(s -> translation.text().substring(s.targetStart(), s.targetEnd())).toList());
    }

    private static List<Integer> place(TranslatedSegment s) {
        return List.of(s.sourceStart(), s.sourceEnd(), s.targetStart(), s.targetEnd());
    }
}
