package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BeamSearchTest {

    private static final int EOS = 2;
    private final Generator generator = new Generator();

    /**
     * Vocabulary 5 (pad suppressed, so 3 content tokens and EOS) and at most 4 tokens give 121 possible
     * outputs; 128 beams keep every live prefix and every finished sequence, so beam search must return
     * exactly the exhaustive ranking, scores included.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 2.0, -0.5})
    void wideBeamEqualsExhaustiveSearch(double lengthPenalty) {
        int vocab = 5;
        int beams = 128;
        for (int source = 0; source < 3; source++) {
            ToyModel model = ToyModel.random(vocab, 1000 + source, EOS, 0.3f);
            GenerationConfig config = GenerationConfig.builder().maxNewTokens(4).numBeams(beams)
                    .numReturnSequences(20).lengthPenalty(lengthPenalty).earlyStopping(EarlyStopping.NEVER).build();

            List<Hypothesis> beam = generator.generate(FakeDecoderSession.forBatch(model, vocab, 1, beams), 1, config).get(0);
            List<Hypothesis> exhaustive = new Oracle(model, config).exhaustive(0);

            assertEquals(121, exhaustive.size());
            for (int rank = 0; rank < 20; rank++) {
                assertArrayEquals(exhaustive.get(rank).tokens(), beam.get(rank).tokens(), "rank " + rank);
                assertEquals(exhaustive.get(rank).score(), beam.get(rank).score(), 1e-9, "rank " + rank);
            }
        }
    }

    @Test
    void oneBeamEqualsGreedy() {
        int vocab = 30;
        int batch = 5;
        ToyModel model = ToyModel.random(vocab, 5, EOS, 0.5f);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(25).forcedBosTokenIds(29)
                .earlyStopping(EarlyStopping.EAGER).build();

        List<List<Hypothesis>> greedy = generator.generate(FakeDecoderSession.forBatch(model, vocab, batch, 1), batch, config);
        List<List<Hypothesis>> beam = generator.generate(FakeDecoderSession.forBatch(model, vocab, batch, 1), batch,
                config, new BeamSearch(config, batch));

        for (int row = 0; row < batch; row++) {
            assertArrayEquals(greedy.get(row).get(0).tokens(), beam.get(row).get(0).tokens(), "row " + row);
            assertEquals(greedy.get(row).get(0).score(), beam.get(row).get(0).score(), 1e-9, "row " + row);
        }
    }

    @Test
    void nBestIsDistinctSortedAndCorrectlyScoredAfterReorders() {
        int vocab = 40;
        int beams = 5;
        int batch = 4;
        ToyModel model = ToyModel.random(vocab, 77, EOS, 0.4f);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(6, 30, 12, 30).numBeams(beams)
                .numReturnSequences(4).forcedBosTokenIds(36, 37, 38, 39).suppressTokens(Set.of(36, 37, 38, 39))
                .noRepeatNgramSize(3).build();
        FakeDecoderSession session = FakeDecoderSession.forBatch(model, vocab, batch, beams);

        List<List<Hypothesis>> results = generator.generate(session, batch, config);

        Oracle oracle = new Oracle(model, config);
        for (int row = 0; row < batch; row++) {
            List<Hypothesis> nBest = results.get(row);
            assertEquals(4, nBest.size());
            Set<List<Integer>> distinct = new HashSet<>();
            for (int rank = 0; rank < nBest.size(); rank++) {
                Hypothesis hypothesis = nBest.get(rank);
                assertEquals(36 + row, hypothesis.tokens()[0], "forced language of row " + row);
                assertTrue(distinct.add(Arrays.stream(hypothesis.tokens()).boxed().toList()), "duplicate " + hypothesis);
                assertEquals(oracle.rescore(row, hypothesis), hypothesis.score(), 1e-9, "score of " + hypothesis);
                if (rank > 0) {
                    assertTrue(nBest.get(rank - 1).score() >= hypothesis.score(), "best first");
                }
            }
        }
        assertTrue(session.reorders.stream().anyMatch(order -> Arrays.stream(order).distinct().count() < order.length),
                "some step should copy a beam, or the test proves little about reordering");
    }

    @Test
    void aBatchEqualsEachRowAloneAndFinishedRowsLeave() {
        int vocab = 25;
        int beams = 3;
        int batch = 4;
        ToyModel model = ToyModel.random(vocab, 99, EOS, 0.5f);
        GenerationConfig.Builder builder = GenerationConfig.builder().numBeams(beams).numReturnSequences(3);
        int[] limits = {3, 40, 9, 40};
        FakeDecoderSession session = FakeDecoderSession.forBatch(model, vocab, batch, beams);

        List<List<Hypothesis>> results = generator.generate(session, batch, builder.maxNewTokens(limits).build());

        for (int row = 0; row < batch; row++) {
            int[] rowSources = new int[beams];
            Arrays.fill(rowSources, row);
            List<Hypothesis> alone = generator.generate(new FakeDecoderSession(model, vocab, rowSources), 1,
                    builder.maxNewTokens(limits[row]).build()).get(0);
            assertEquals(alone.toString(), results.get(row).toString(), "row " + row);
        }
        assertTrue(session.rowsPerStep.stream().allMatch(rows -> rows % beams == 0));
        assertEquals(List.of(12, 9), session.rowsPerStep.stream().distinct().limit(2).toList(),
                "the row limited to 3 tokens leaves after step 3: " + session.rowsPerStep);
        assertTrue(session.rowsPerStep.get(session.rowsPerStep.size() - 1) < 12);
    }

    @Test
    void rowsAtTheirLimitReturnTheirRunningBeamsAsTruncated() {
        int vocab = 10;
        ToyModel neverEnds = (source, prefix) -> {
            float[] logits = ToyModel.random(vocab, 3, EOS, 0f).logits(source, prefix);
            logits[EOS] = -50f;
            return logits;
        };
        GenerationConfig config = GenerationConfig.builder().numBeams(3).numReturnSequences(3).maxNewTokens(5).build();

        List<Hypothesis> results = generator.generate(FakeDecoderSession.forBatch(neverEnds, vocab, 1, 3), 1, config).get(0);

        assertEquals(3, results.size());
        for (Hypothesis hypothesis : results) {
            assertEquals(5, hypothesis.tokens().length);
            assertTrue(hypothesis.truncated());
        }
    }

    @Test
    void eagerStoppingEndsAsSoonAsTheBeamIsFull() {
        int vocab = 8;
        ToyModel eosLikely = ToyModel.random(vocab, 11, EOS, 3f);
        GenerationConfig.Builder builder = GenerationConfig.builder().numBeams(2).maxNewTokens(30).lengthPenalty(1.0);

        FakeDecoderSession eager = FakeDecoderSession.forBatch(eosLikely, vocab, 1, 2);
        FakeDecoderSession never = FakeDecoderSession.forBatch(eosLikely, vocab, 1, 2);
        Hypothesis eagerBest = generator.generate(eager, 1, builder.earlyStopping(EarlyStopping.EAGER).build()).get(0).get(0);
        Hypothesis neverBest = generator.generate(never, 1, builder.earlyStopping(EarlyStopping.NEVER).build()).get(0).get(0);

        assertTrue(eager.rowsPerStep.size() <= never.rowsPerStep.size());
        assertTrue(neverBest.score() >= eagerBest.score(), "searching longer never finds worse");
        assertFalse(neverBest.truncated());
    }
}
