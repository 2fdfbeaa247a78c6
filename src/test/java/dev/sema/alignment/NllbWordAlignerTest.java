package dev.sema.alignment;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.translation.AlignmentLink;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.GeneratedModelSlots;
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aligner on the generated models' real encoder graphs. */
class NllbWordAlignerTest {

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();

    private static NllbWordAligner aligner(ModelSlot<NllbModel> slot) {
        return new NllbWordAligner(slot, new SimAlign(Matching.ITERMAX, SimAlign.DEFAULT_DISTORTION));
    }

    /**
     * The echo encoder gives each piece its id times one fixed vector, so every pair of pieces is exactly as
     * similar as any other and only the positional preference decides: a text and its echo translation align
     * as the identity, word for word, covering every character that is not white space.
     */
    @ParameterizedTest
    @ValueSource(strings = {"The quick brown fox jumps over the lazy dog.", "Hello, <b>bold</b> world!",
            "  Spaces   kept,\nlines too  ", "Émile a vu 3 chiens 🐕 à Zürich.", "我爱北京天安门。"})
    void echoTranslationAlignsAsTheIdentity(String text) {
        String translation = TestEngines.uncached(MODELS.echo, EngineConfigs.of(1, 512, 400, 16))
                .translate(List.of(text), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT).get(0).text();
        assertEquals(text, translation);

        List<AlignmentLink> links = aligner(MODELS.echo).align(text, "eng_Latn", translation, "fra_Latn");
        boolean[] covered = new boolean[text.length()];
        int lastEnd = 0;
        for (AlignmentLink link : links) {
            assertEquals(link.sourceStart(), link.targetStart(), link + " in " + links);
            assertEquals(link.sourceEnd(), link.targetEnd(), link + " in " + links);
            assertTrue(link.sourceStart() >= lastEnd, "one link per word, in order: " + links);
            lastEnd = link.sourceEnd();
            for (int c = link.sourceStart(); c < link.sourceEnd(); c++) {
                covered[c] = true;
            }
        }
        for (int c = 0; c < text.length(); c++) {
            assertTrue(covered[c] || Character.isWhitespace(text.charAt(c)), "character " + c + " of " + links);
        }
        try (ModelSlot.Lease<NllbModel> lease = MODELS.echo.acquire()) {
            assertEquals(0, lease.model().liveTensors(), "the encoder run closed its tensors");
        }
    }

    @Test
    void echoLinksEachWordAndPunctuationMarkToItself() {
        String text = "Hello, <b>bold</b> world!";
        List<AlignmentLink> expected = List.of(same(0, 5), same(5, 6), same(7, 8), same(8, 9), same(9, 10),
                same(10, 14), same(14, 15), same(15, 16), same(16, 17), same(17, 18), same(19, 24), same(24, 25));
        assertEquals(expected, aligner(MODELS.echo).align(text, "eng_Latn", text, "fra_Latn"));
    }

    private static AlignmentLink same(int start, int end) {
        return new AlignmentLink(start, end, start, end);
    }

    @Test
    void tinyModelGivesTheseLinksForThisPair() {
        String source = "The cat sat on the mat.";
        String target = "Le chat était assis sur le tapis.";
        // Random weights: the links mean nothing, but they are what this encoder, SimAlign's scores and itermax
        // give; any change to the tokens fed, the rows read or the matching moves them.
        List<AlignmentLink> expected = List.of(
                new AlignmentLink(0, 3, 3, 7),       // The – chat
                new AlignmentLink(4, 7, 0, 2),       // cat – Le
                new AlignmentLink(4, 7, 3, 7),       // cat – chat
                new AlignmentLink(8, 11, 3, 7),      // sat – chat
                new AlignmentLink(8, 11, 14, 19),    // sat – assis
                new AlignmentLink(12, 14, 8, 13),    // on – était
                new AlignmentLink(12, 14, 24, 26),   // on – le
                new AlignmentLink(15, 18, 27, 32),   // the – tapis
                new AlignmentLink(19, 22, 27, 32),   // mat – tapis
                new AlignmentLink(22, 23, 32, 33));  // . – .
        assertEquals(expected, aligner(MODELS.tiny).align(source, "eng_Latn", target, "fra_Latn"));
    }

    @Test
    void noModelNoLanguageOrNoTextGivesNoLinks() {
        assertEquals(List.of(), aligner(new ModelSlot<>("translation")).align("a b", "eng_Latn", "a b", "fra_Latn"));
        assertEquals(List.of(), aligner(MODELS.echo).align("a b", "xyz_Latn", "a b", "fra_Latn"));
        assertEquals(List.of(), aligner(MODELS.echo).align("a b", "eng_Latn", " \n", "fra_Latn"));
        assertEquals(List.of(), aligner(MODELS.echo).align("", "eng_Latn", "a b", "fra_Latn"));
    }

    @Test
    void textsLongerThanTheEncoderPositionsGiveNoLinks() {
        int positions;
        try (ModelSlot.Lease<NllbModel> lease = MODELS.echo.acquire()) {
            positions = lease.model().config().maxPositions();
        }
        String tooLong = "a ".repeat(positions);
        assertEquals(List.of(), aligner(MODELS.echo).align(tooLong, "eng_Latn", "a", "fra_Latn"));
        assertEquals(List.of(), aligner(MODELS.echo).align("a", "eng_Latn", tooLong, "fra_Latn"));
    }
}
