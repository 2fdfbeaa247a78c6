package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GreedySearchTest {

    private static final int EOS = 2;
    private final Generator generator = new Generator();

    /** Logits that make {@code script[step]} the clear favourite at each step, whatever the prefix. */
    private static ToyModel scripted(int vocab, int... script) {
        return (source, prefix) -> {
            float[] logits = new float[vocab];
            logits[script[Math.min(prefix.length - 1, script.length - 1)]] = 5f;
            return logits;
        };
    }

    @Test
    void picksTheArgmaxAndStopsAtEos() {
        FakeDecoderSession session = FakeDecoderSession.forBatch(scripted(6, 3, 4, EOS, 5), 6, 1, 1);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(10).build();

        Hypothesis result = generator.generate(session, 1, config).get(0).get(0);

        assertArrayEquals(new int[]{3, 4}, result.tokens());
        assertFalse(result.truncated());
        // Each step picks logit 5 against four zeros (pad is suppressed): log(e^5 / (e^5 + 4)), three times.
        double logProb = 5 - Math.log(Math.exp(5) + 4);
        assertEquals(3 * logProb / 2, result.score(), 1e-6);
        assertEquals(List.of(1, 1, 1), session.rowsPerStep, "no step after EOS");
    }

    @Test
    void stopsAtTheLengthLimitAndSaysSo() {
        FakeDecoderSession session = FakeDecoderSession.forBatch(scripted(6, 4), 6, 1, 1);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(5).build();

        Hypothesis result = generator.generate(session, 1, config).get(0).get(0);

        assertArrayEquals(new int[]{4, 4, 4, 4, 4}, result.tokens());
        assertTrue(result.truncated());
    }

    @Test
    void forcedEosEndsTheRowOnItsLastPosition() {
        FakeDecoderSession session = FakeDecoderSession.forBatch(scripted(6, 4), 6, 1, 1);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(5).forceEosAtLimit(true).build();

        Hypothesis result = generator.generate(session, 1, config).get(0).get(0);

        assertArrayEquals(new int[]{4, 4, 4, 4}, result.tokens());
        assertTrue(result.truncated());
    }

    @Test
    void forcesEachRowsOwnTargetLanguageFirst() {
        ToyModel model = ToyModel.random(12, 7, EOS, 0.8f);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(20)
                .forcedBosTokenIds(9, 10, 11).suppressTokens(Set.of(9, 10, 11)).build();

        List<List<Hypothesis>> results = generator.generate(FakeDecoderSession.forBatch(model, 12, 3, 1), 3, config);

        for (int row = 0; row < 3; row++) {
            int[] tokens = results.get(row).get(0).tokens();
            assertEquals(9 + row, tokens[0], "row " + row + " starts with its language");
            assertTrue(Arrays.stream(tokens).skip(1).noneMatch(token -> token >= 9), "no language id after the first");
        }
    }

    @Test
    void aBatchDecodesEachRowAsIfAloneAndDropsFinishedRows() {
        int vocab = 20;
        int batch = 6;
        ToyModel model = ToyModel.random(vocab, 42, EOS, 0.6f);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(4, 30, 30, 8, 30, 30)
                .noRepeatNgramSize(2).repetitionPenalty(1.3).build();
        FakeDecoderSession session = FakeDecoderSession.forBatch(model, vocab, batch, 1);

        List<List<Hypothesis>> results = generator.generate(session, batch, config);

        Oracle oracle = new Oracle(model, config);
        for (int row = 0; row < batch; row++) {
            Hypothesis alone = generator.generate(new FakeDecoderSession(model, vocab, row), 1,
                    GenerationConfig.builder().maxNewTokens(config.maxNewTokens(row))
                            .noRepeatNgramSize(2).repetitionPenalty(1.3).build()).get(0).get(0);
            Hypothesis expected = oracle.greedy(row);
            Hypothesis actual = results.get(row).get(0);
            assertArrayEquals(expected.tokens(), actual.tokens(), "row " + row);
            assertEquals(expected.score(), actual.score(), 1e-9, "row " + row);
            assertArrayEquals(alone.tokens(), actual.tokens(), "row " + row + " alone");
        }
        int[] lengths = results.stream().mapToInt(r -> r.get(0).tokens().length).distinct().toArray();
        assertTrue(lengths.length > 2, "the rows should finish at different steps: " + Arrays.toString(lengths));
        assertShrinksAsRowsFinish(session, results, config);
    }

    /** Step k runs exactly the rows that had not finished after k tokens; nothing else is ever kept. */
    private static void assertShrinksAsRowsFinish(FakeDecoderSession session, List<List<Hypothesis>> results,
                                                  GenerationConfig config) {
        int[] generated = new int[results.size()];
        for (int row = 0; row < generated.length; row++) {
            int length = results.get(row).get(0).tokens().length;
            generated[row] = length < config.maxNewTokens(row) ? length + 1 : length; // + EOS
        }
        int steps = Arrays.stream(generated).max().orElseThrow();
        assertEquals(steps, session.rowsPerStep.size());
        for (int step = 0; step < steps; step++) {
            int finalStep = step;
            assertEquals(Arrays.stream(generated).filter(n -> n > finalStep).count(), (long) session.rowsPerStep.get(step),
                    "rows at step " + step + ": " + session.rowsPerStep);
        }
        for (int[] order : session.reorders) {
            assertTrue(order.length > 0 && Arrays.stream(order).distinct().count() == order.length
                    && Arrays.equals(order, Arrays.stream(order).sorted().toArray()), "greedy only drops rows");
        }
        assertEquals(session.rowsPerStep.stream().distinct().count() - 1, session.reorders.size(),
                "one reorder each time rows finish, none otherwise");
    }
}
