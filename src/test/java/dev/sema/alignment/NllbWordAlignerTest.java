package dev.sema.alignment;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.translation.AlignmentLink;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.GeneratedModelSlots;
import dev.sema.translation.TestEngines;
import dev.sema.translation.SourceEncoding;
import dev.sema.translation.TranslatedSegment;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    private static final String PARAGRAPH = "The cat sat on the mat. It was warm there, and the dog slept nearby.";

    /** The paragraph through the tiny model with its segments and their encoder states kept. */
    private static TranslationOutput translatedWithStates() {
        TranslationOutput out = TestEngines.uncached(MODELS.tiny, EngineConfigs.of(1, 24, 400, 16))
                .translate(List.of(PARAGRAPH), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT.withSourceStates())
                .get(0);
        assertEquals(2, out.segments().size(), "two sentences, two segments: " + out.segments());
        out.segments().forEach(s -> assertTrue(s.encoding().isPresent(), "decoded, so encoded: " + s));
        return out;
    }

    private static List<TranslatedSegment> withEncodings(List<TranslatedSegment> segments,
                                                         UnaryOperator<SourceEncoding> change) {
        return segments.stream().map(s -> new TranslatedSegment(s.sourceStart(), s.sourceEnd(), s.targetStart(),
                s.targetEnd(), s.encoding().map(change))).toList();
    }

    @Test
    void theEnginesSourceStatesGiveTheLinksOfAFreshEncoderPass() {
        TranslationOutput out = translatedWithStates();
        List<AlignmentLink> reused = linksWith(out, UnaryOperator.identity());
        assertFalse(reused.isEmpty());
        assertEquals(linksWith(out, encoding -> null), reused);
        int firstEnd = out.segments().get(0).sourceEnd();
        assertTrue(reused.stream().anyMatch(l -> l.sourceStart() >= out.segments().get(1).sourceStart()),
                "the second sentence is aligned too: " + reused);
        for (AlignmentLink link : reused) {
            TranslatedSegment own = link.sourceStart() < firstEnd ? out.segments().get(0) : out.segments().get(1);
            assertTrue(link.targetStart() >= own.targetStart() && link.targetEnd() <= own.targetEnd(),
                    "a word links within its sentence's translation: " + link + " in " + out.segments());
        }
    }

    /** The paragraph's links with each segment's encoding changed (null: dropped, so the aligner encodes). */
    private static List<AlignmentLink> linksWith(TranslationOutput out, UnaryOperator<SourceEncoding> change) {
        return aligner(MODELS.tiny).align(PARAGRAPH, "eng_Latn", out.text(), "fra_Latn",
                withEncodings(out.segments(), change));
    }

    /** The vectors in reverse order, under {@code ids}: wrong for any text, so links move wherever they are used. */
    private static SourceEncoding reversedStates(long[] ids, SourceEncoding encoding) {
        List<float[]> states = new ArrayList<>(List.of(encoding.states()));
        Collections.reverse(states);
        return new SourceEncoding(ids, states.toArray(float[][]::new));
    }

    @Test
    void theHandedOverStatesAreWhatTheAlignerUses() {
        TranslationOutput out = translatedWithStates();
        assertNotEquals(linksWith(out, encoding -> null), linksWith(out, e -> reversedStates(e.ids(), e)));
    }

    @Test
    void statesForOtherIdsAreNotUsedTheSourceIsEncodedInstead() {
        TranslationOutput out = translatedWithStates();
        // Ids as if encoded under another language token: the aligner must not take these states.
        assertEquals(linksWith(out, encoding -> null), linksWith(out, e -> {
            long[] ids = e.ids().clone();
            ids[0]++;
            return reversedStates(ids, e);
        }));
    }

    @Test
    void segmentsThatDoNotFitTheTextsAreIgnoredForTheWholePair() {
        String source = "The cat sat on the mat.";
        String target = "Le chat était assis sur le tapis.";
        List<TranslatedSegment> foreign = List.of(new TranslatedSegment(0, source.length() + 5, 0, 3,
                Optional.empty()));
        assertEquals(aligner(MODELS.tiny).align(source, "eng_Latn", target, "fra_Latn"),
                aligner(MODELS.tiny).align(source, "eng_Latn", target, "fra_Latn", foreign));
    }

    @Test
    void whatTheEngineCopiedLinksToItsCopy() {
        String text = "Hello there.\n\n42 — 7\n\nGoodbye now.";
        TranslationOutput out = TestEngines.uncached(MODELS.echo, EngineConfigs.of(1, 512, 400, 16))
                .translate(List.of(text), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT.withSourceStates())
                .get(0);
        int at = text.indexOf("42");
        List<AlignmentLink> links = aligner(MODELS.echo).align(text, "eng_Latn", out.text(), "fra_Latn",
                out.segments());
        assertTrue(out.segments().stream().noneMatch(s -> s.sourceStart() <= at && at < s.sourceEnd()),
                "42 — 7 is no segment of its own: " + out.segments());
        assertTrue(links.contains(same(at, at + 2)), links.toString());
        assertTrue(links.contains(same(at + 3, at + 4)), links.toString());
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
