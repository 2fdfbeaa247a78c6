package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogitsProcessorsTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    /** One row per source, each having generated the same {@code tokens}. */
    private static Sequences generated(int sources, int... tokens) {
        Sequences sequences = Sequences.start(sources, 1, 2);
        int[] identity = new int[sources];
        Arrays.setAll(identity, i -> i);
        for (int token : tokens) {
            int[] next = new int[sources];
            Arrays.fill(next, token);
            sequences = sequences.advance(identity, next);
        }
        return sequences;
    }

    private static float[][] logits(int rows, float... row) {
        float[][] logits = new float[rows][];
        for (int i = 0; i < rows; i++) {
            logits[i] = row.clone();
        }
        return logits;
    }

    @Test
    void forcedBosForcesEachRowsTokenOnlyAtTheFirstPosition() {
        ForcedBosTokenProcessor processor = new ForcedBosTokenProcessor(source -> source == 2 ? -1 : 3 + source);
        float[][] first = logits(3, 1, 2, 3, 4, 5);
        processor.process(generated(3), first);
        assertArrayEquals(new float[]{NEG_INF, NEG_INF, NEG_INF, 0, NEG_INF}, first[0]);
        assertArrayEquals(new float[]{NEG_INF, NEG_INF, NEG_INF, NEG_INF, 0}, first[1]);
        assertArrayEquals(new float[]{1, 2, 3, 4, 5}, first[2], "row without a forced token");

        float[][] later = logits(3, 1, 2, 3, 4, 5);
        processor.process(generated(3, 3), later);
        assertArrayEquals(logits(3, 1, 2, 3, 4, 5), later);
    }

    @Test
    void forcedEosForcesEosAtTheLastAllowedPositionOnly() {
        ForcedEosTokenProcessor processor = new ForcedEosTokenProcessor(2, source -> source == 0 ? 3 : 4);
        float[][] atTwo = logits(2, 1, 2, 3, 4);
        processor.process(generated(2, 0, 3), atTwo);
        assertArrayEquals(new float[]{NEG_INF, NEG_INF, 0, NEG_INF}, atTwo[0], "limit 3: position 2 is the last");
        assertArrayEquals(new float[]{1, 2, 3, 4}, atTwo[1], "limit 4: one more to go");
    }

    @Test
    void suppressTokensMasksTheSetAndThePad() {
        SuppressTokensProcessor processor = SuppressTokensProcessor.of(Set.of(4, 0), 1);
        float[][] logits = logits(2, 1, 2, 3, 4, 5, 6);
        processor.process(generated(2, 3), logits);
        assertArrayEquals(new int[]{0, 1, 4}, processor.tokenIds());
        assertArrayEquals(new float[]{NEG_INF, NEG_INF, 3, 4, NEG_INF, 6}, logits[1]);
    }

    @Test
    void noRepeatNGramBansTheTokenThatWouldRepeatAnNGram() {
        // History 5 6 7 5 6: the trigram "5 6 7" would repeat with 7; the bigrams after 6 are "6 7".
        float[][] trigram = logits(1, new float[9]);
        new NoRepeatNGramProcessor(3).process(generated(1, 5, 6, 7, 5, 6), trigram);
        assertEquals(List.of(7), banned(trigram[0]));

        float[][] bigram = logits(1, new float[9]);
        new NoRepeatNGramProcessor(2).process(generated(1, 5, 6, 7, 5, 6), bigram);
        assertEquals(List.of(7), banned(bigram[0]));

        float[][] unigram = logits(1, new float[9]);
        new NoRepeatNGramProcessor(1).process(generated(1, 5, 6, 7, 5, 6), unigram);
        assertEquals(List.of(5, 6, 7), banned(unigram[0]));

        float[][] tooShort = logits(1, new float[9]);
        new NoRepeatNGramProcessor(4).process(generated(1, 5, 6, 5), tooShort);
        assertEquals(List.of(), banned(tooShort[0]));
    }

    @Test
    void repetitionPenaltyLowersEachGeneratedTokenOnce() {
        float[][] logits = logits(1, 4f, -4f, 4f, 4f, 1f);
        new RepetitionPenaltyProcessor(2.0).process(generated(1, 0, 1, 0, 4), logits);
        assertArrayEquals(new float[]{2f, -8f, 4f, 4f, 0.5f}, logits[0],
                "positive halved, negative doubled, start token 2 untouched, repeats penalised once");
    }

    @Test
    void minLengthHoldsEosBackUntilEnoughTokens() {
        MinLengthProcessor processor = new MinLengthProcessor(2, 2);
        float[][] early = logits(1, 1, 1, 1);
        processor.process(generated(1, 0), early);
        assertArrayEquals(new float[]{1, 1, NEG_INF}, early[0]);
        float[][] enough = logits(1, 1, 1, 1);
        processor.process(generated(1, 0, 1), enough);
        assertArrayEquals(new float[]{1, 1, 1}, enough[0]);
    }

    @Test
    void theListRunsOnlyWhatTheConfigAsksForInTheDocumentedOrder() {
        assertEquals(List.of(SuppressTokensProcessor.class), types(GenerationConfig.builder().build()));
        GenerationConfig everything = GenerationConfig.builder().repetitionPenalty(1.2).noRepeatNgramSize(3)
                .minNewTokens(2).forceEosAtLimit(true).forcedBosTokenIds(5).build();
        assertEquals(List.of(RepetitionPenaltyProcessor.class, NoRepeatNGramProcessor.class, MinLengthProcessor.class,
                SuppressTokensProcessor.class, ForcedEosTokenProcessor.class, ForcedBosTokenProcessor.class),
                types(everything));
    }

    @Test
    void theForcedLanguageWinsOverItsOwnSuppression() {
        GenerationConfig config = GenerationConfig.builder().suppressTokens(Set.of(3, 4)).forcedBosTokenIds(4, 3).build();
        float[][] first = logits(2, 1, 2, 3, 4, 5);
        LogitsProcessorList.from(config).process(generated(2), first);
        assertArrayEquals(new float[]{NEG_INF, NEG_INF, NEG_INF, NEG_INF, 0}, first[0]);
        assertArrayEquals(new float[]{NEG_INF, NEG_INF, NEG_INF, 0, NEG_INF}, first[1]);

        float[][] later = logits(2, 1, 2, 3, 4, 5);
        LogitsProcessorList.from(config).process(generated(2, 4), later);
        assertArrayEquals(new float[]{1, NEG_INF, 3, NEG_INF, NEG_INF}, later[0], "languages and pad stay suppressed");
    }

    private static List<Class<?>> types(GenerationConfig config) {
        return LogitsProcessorList.from(config).processors().stream().<Class<?>>map(Object::getClass).toList();
    }

    private static List<Integer> banned(float[] row) {
        return IntStream.range(0, row.length).filter(i -> row[i] == NEG_INF).boxed().toList();
    }
}
