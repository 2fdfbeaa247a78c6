package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bookkeeping pieces of beam search on their own. */
class SearchPartsTest {

    @Test
    void topCandidatesEqualsSortingEverything() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int capacity = 1 + random.nextInt(10);
            double[] values = random.doubles(1 + random.nextInt(50)).map(v -> Math.floor(v * 20)).toArray();
            TopCandidates top = new TopCandidates(capacity);
            for (int i = 0; i < values.length; i++) {
                top.offer(values[i], i);
            }
            List<Integer> expected = IntStream.range(0, values.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
                    .limit(capacity).toList();
            List<Integer> actual = IntStream.range(0, top.size()).map(top::index).boxed().toList();
            assertEquals(expected, actual, Arrays.toString(values));
        }
    }

    @Test
    void fastExpAndLogSumExpMatchTheExactFunctions() {
        for (float x = 0f; x > -87f; x -= 0.0137f) {
            double exact = Math.exp(x);
            assertEquals(exact, LogProbabilities.expNonPositive(x), exact * 2e-8, "exp(" + x + ")");
        }
        assertEquals(0, LogProbabilities.expNonPositive(-100f));
        assertEquals(0, LogProbabilities.expNonPositive(Float.NEGATIVE_INFINITY));

        Random random = new Random(9);
        for (int trial = 0; trial < 20; trial++) {
            float[] row = new float[1 + random.nextInt(300_000)];
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (random.nextGaussian() * (1 + trial) + trial);
            }
            row[random.nextInt(row.length)] = Float.NEGATIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float logit : row) {
                max = Math.max(max, logit);
            }
            double sum = 0;
            for (float logit : row) {
                sum += Math.exp(logit - max);
            }
            assertEquals(max + Math.log(sum), LogProbabilities.logSumExp(row), 1e-6);
        }
        assertEquals(Double.NEGATIVE_INFINITY, LogProbabilities.logSumExp(new float[]{Float.NEGATIVE_INFINITY}));
    }

    @Test
    void beamHypothesesKeepsTheBestAndEvictsTheWorst() {
        BeamHypotheses kept = new BeamHypotheses(2, 1.0, EarlyStopping.HEURISTIC, 10);
        kept.add(new Hypothesis(new int[]{1}, -3, false, 0));
        kept.add(new Hypothesis(new int[]{2}, -1, false, 0));
        kept.add(new Hypothesis(new int[]{3}, -2, false, 0));
        kept.add(new Hypothesis(new int[]{4}, -5, false, 0));
        kept.add(new Hypothesis(new int[]{5}, Double.NEGATIVE_INFINITY, false, 0));
        assertEquals(List.of(-1.0, -2.0), kept.best(5).stream().map(Hypothesis::score).toList());
    }

    @Test
    void earlyStoppingModesDifferAsInHuggingFace() {
        // Kept: two hypotheses, worst −2. A running beam with sum −5 at length 2 scores −2.5 now but −0.5
        // at the limit of 10 tokens.
        BeamHypotheses eager = filled(EarlyStopping.EAGER);
        BeamHypotheses heuristic = filled(EarlyStopping.HEURISTIC);
        BeamHypotheses never = filled(EarlyStopping.NEVER);
        assertTrue(eager.isDone(-5, 2));
        assertTrue(heuristic.isDone(-5, 2));
        assertFalse(never.isDone(-5, 2));
        assertTrue(never.isDone(-25, 2));
        assertFalse(new BeamHypotheses(2, 1.0, EarlyStopping.EAGER, 10).isDone(-100, 2), "not full yet");
    }

    private static BeamHypotheses filled(EarlyStopping mode) {
        BeamHypotheses kept = new BeamHypotheses(2, 1.0, mode, 10);
        kept.add(new Hypothesis(new int[]{1}, -1, false, 0));
        kept.add(new Hypothesis(new int[]{2}, -2, false, 0));
        return kept;
    }

    @Test
    void hypothesisDropsTheFinalEosAndNormalisesByItsLength() {
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(4).lengthPenalty(1.0).build();
        Hypothesis finished = Hypothesis.of(new int[]{7, 8, 2}, 0, -6, config);
        assertEquals(List.of(7, 8), Arrays.stream(finished.tokens()).boxed().toList());
        assertEquals(-3, finished.score(), 1e-12);
        assertFalse(finished.truncated());
        assertTrue(Hypothesis.of(new int[]{7, 8, 9, 2}, 0, -6, config).truncated(), "EOS only at the limit");
        assertEquals(-6, Hypothesis.of(new int[]{2}, 0, -6, config).score(), 1e-12, "empty output divides by 1");
    }
}
