package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link Hypothesis#meanLogProb} on a table of logits small enough to compute by hand: the mean, over the
 * tokens the search chose (EOS included), of {@code logit − log Σ exp(logits)} after the processors, with the
 * forced language token and a forced EOS left out, whatever the length penalty.
 */
class MeanLogProbTest {

    private static final int EOS = 2;
    private static final int LANGUAGE = 5;

    /**
     * Row i: the logits after i generated tokens (the first row is overridden by the forced language token).
     * Token 1 is pad and 5 the language, both suppressed by the processors; the favourites are 3, 4, then EOS.
     */
    private static final float[][] TABLE = {
            {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 9.0f},
            {1.0f, 7.0f, 0.5f, 3.0f, 1.0f, 9.0f},
            {0.0f, 7.0f, 1.0f, 0.0f, 2.0f, 9.0f},
            {0.0f, 7.0f, 2.5f, 1.0f, 0.0f, 9.0f},
    };

    private final Generator generator = new Generator();

    private static ToyModel table() {
        return (source, prefix) -> TABLE[Math.min(prefix.length - 1, TABLE.length - 1)].clone();
    }

    /** log p of {@code token} among the unsuppressed tokens 0, 2, 3, 4 of {@code row}. */
    private static double logProb(float[] row, int token) {
        double sum = Math.exp(row[0]) + Math.exp(row[2]) + Math.exp(row[3]) + Math.exp(row[4]);
        return row[token] - Math.log(sum);
    }

    private static GenerationConfig.Builder config() {
        return GenerationConfig.builder().maxNewTokens(10).forcedBosTokenIds(LANGUAGE)
                .suppressTokens(Set.of(LANGUAGE));
    }

    @Test
    void isTheMeanOverTheChosenTokensWithEosAndWithoutTheLanguage() {
        Hypothesis best = generator.generate(FakeDecoderSession.forBatch(table(), 6, 1, 1), 1,
                config().lengthPenalty(2.0).build()).get(0).get(0);

        assertArrayEquals(new int[]{LANGUAGE, 3, 4}, best.tokens());
        double expected = (logProb(TABLE[1], 3) + logProb(TABLE[2], 4) + logProb(TABLE[3], EOS)) / 3;
        assertEquals(-0.3744, expected, 1e-4, "the table's own value, by hand");
        assertEquals(expected, best.meanLogProb(), 1e-6);
        assertEquals(expected * 3 / Math.pow(3, 2.0), best.score(), 1e-6, "the score keeps its length penalty");
    }

    @Test
    void beamSearchWithOneBeamGivesTheSameMean() {
        GenerationConfig config = config().build();
        Hypothesis greedy = generator.generate(FakeDecoderSession.forBatch(table(), 6, 1, 1), 1, config).get(0).get(0);
        Hypothesis beam = generator.generate(FakeDecoderSession.forBatch(table(), 6, 1, 1), 1, config,
                new BeamSearch(config, 1)).get(0).get(0);

        assertEquals(greedy.meanLogProb(), beam.meanLogProb(), 1e-9);
    }

    @Test
    void aForcedEosAtTheLimitIsNotCounted() {
        Hypothesis cut = generator.generate(FakeDecoderSession.forBatch(table(), 6, 1, 1), 1,
                config().maxNewTokens(3).forceEosAtLimit(true).build()).get(0).get(0);

        assertArrayEquals(new int[]{LANGUAGE, 3}, cut.tokens(), "EOS forced at the third position");
        assertEquals(logProb(TABLE[1], 3), cut.meanLogProb(), 1e-6);
    }

    @Test
    void aRowCutAtItsLimitAveragesWhatItChose() {
        Hypothesis cut = generator.generate(FakeDecoderSession.forBatch(table(), 6, 1, 1), 1,
                config().maxNewTokens(3).build()).get(0).get(0);

        assertArrayEquals(new int[]{LANGUAGE, 3, 4}, cut.tokens());
        assertEquals((logProb(TABLE[1], 3) + logProb(TABLE[2], 4)) / 2, cut.meanLogProb(), 1e-6);
    }

    @Test
    void withoutAForcedLanguageEveryTokenCounts() {
        Hypothesis free = generator.generate(FakeDecoderSession.forBatch(table(), 6, 1, 1), 1,
                GenerationConfig.builder().maxNewTokens(10).suppressTokens(Set.of(LANGUAGE)).build()).get(0).get(0);

        assertArrayEquals(new int[]{0, 3, 4}, free.tokens(), "all-zero first row: the first token on ties");
        double first = -Math.log(4);
        double expected = (first + logProb(TABLE[1], 3) + logProb(TABLE[2], 4) + logProb(TABLE[3], EOS)) / 4;
        assertEquals(expected, free.meanLogProb(), 1e-6);
    }
}
