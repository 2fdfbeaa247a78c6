package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstrainedBeamSearchTest {

    private static final int EOS = 2;
    private final Generator generator = new Generator();

    /**
     * A table of scores over 7 tokens (0 unused, 1 pad, 2 EOS, 3–6 words), keyed by the last token fed:
     * the unconstrained best output is {@code [3]}; 5 and 6 are unlikely everywhere.
     */
    private static final ToyModel TABLE = (source, prefix) -> switch (prefix[prefix.length - 1]) {
        case EOS -> new float[]{-9, -9, -5, 3, 1, -2, -3};       // start: 3, then 4
        case 3 -> new float[]{-9, -9, 4, 0, 1, -2, -4};          // after 3: EOS
        case 4 -> new float[]{-9, -9, 3, 1, -1, -1, -2};
        case 5 -> new float[]{-9, -9, 2, 0, 3, -1, 1};           // 5 is followed by 4, or by 6
        default -> new float[]{-9, -9, 3, 0, 0, 0, -5};
    };

    @Test
    void tableWithoutConstraintsEndsAfterOneToken() {
        GenerationConfig config = GenerationConfig.builder().numBeams(3).maxNewTokens(6).build();
        assertArrayEquals(new int[]{3}, best(config));
    }

    @Test
    void tableWithAPhrasePlacesItWhereTheExhaustiveSearchDoes() {
        GenerationConfig config = GenerationConfig.builder().numBeams(3).maxNewTokens(6)
                .constraints(List.of(List.of(Constraint.phrase(5, 6)))).build();
        assertArrayEquals(new int[]{3, 4, 5, 6}, best(config), "the phrase placed where it costs least, then EOS");
        assertArrayEquals(new int[]{3, 4, 5, 6}, new Oracle(TABLE, config).exhaustive(0, config.constraints(0)).get(0).tokens());
    }

    @Test
    void tableWithADisjunctionTakesTheCheaperAlternative() {
        GenerationConfig single = GenerationConfig.builder().numBeams(3).maxNewTokens(6)
                .constraints(List.of(List.of(Constraint.phrase(5, 6)))).build();
        GenerationConfig either = GenerationConfig.builder().numBeams(3).maxNewTokens(6)
                .constraints(List.of(List.of(Constraint.anyOf(new int[]{5, 6}, new int[]{4})))).build();
        assertArrayEquals(new int[]{3, 4, 5, 6}, best(single));
        assertArrayEquals(new int[]{3, 4}, best(either), "4 after 3 beats the unlikely 5 6");
    }

    @Test
    void twoConstraintsSharingAPrefixAreBothMet() {
        GenerationConfig config = GenerationConfig.builder().numBeams(4).maxNewTokens(8)
                .constraints(List.of(List.of(Constraint.phrase(5, 4), Constraint.phrase(5, 6)))).build();
        int[] tokens = best(config);
        assertTrue(Oracle.indexOf(tokens, new int[]{5, 4}) >= 0 && Oracle.indexOf(tokens, new int[]{5, 6}) >= 0,
                java.util.Arrays.toString(tokens));
    }

    @Test
    void aConstraintLongerThanTheLimitStopsAtTheLimitWithTheBestAttempt() {
        GenerationConfig config = GenerationConfig.builder().numBeams(3).numReturnSequences(3).maxNewTokens(3)
                .forcedBosTokenIds(6).constraints(List.of(List.of(Constraint.phrase(5, 4, 5, 4)))).build();
        FakeDecoderSession session = FakeDecoderSession.forBatch(TABLE, 7, 1, 3);

        List<Hypothesis> results = generator.generate(session, 1, config).get(0);

        assertEquals(3, session.rowsPerStep.size(), "one step per allowed token, then it ends");
        assertFalse(results.isEmpty());
        for (Hypothesis hypothesis : results) {
            assertTrue(hypothesis.truncated());
            assertEquals(3, hypothesis.tokens().length);
            assertEquals(6, hypothesis.tokens()[0], "the forced token still comes first");
        }
    }

    /**
     * With far more beams than live prefixes, constrained beam search must return exactly the exhaustive
     * ranking of the outputs that contain every constraint, scored with EOS masked until they do.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void wideBeamEqualsExhaustiveConstrainedSearch(int seed) {
        int vocab = 6;
        ToyModel model = ToyModel.random(vocab, 500 + seed, EOS, 0.3f);
        List<Constraint> constraints = seed % 2 == 0 ? List.of(Constraint.phrase(4, 3))
                : List.of(Constraint.phrase(5), Constraint.anyOf(new int[]{3, 3}, new int[]{4, 5}));
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(4).numBeams(200).numReturnSequences(10)
                .earlyStopping(EarlyStopping.NEVER).constraints(List.of(constraints)).build();

        List<Hypothesis> beam = generator.generate(FakeDecoderSession.forBatch(model, vocab, 1, 200), 1, config).get(0);
        List<Hypothesis> exhaustive = new Oracle(model, config).exhaustive(0, constraints);

        assertEquals(Math.min(10, exhaustive.size()), beam.size());
        for (int rank = 0; rank < beam.size(); rank++) {
            assertArrayEquals(exhaustive.get(rank).tokens(), beam.get(rank).tokens(), "rank " + rank);
            assertEquals(exhaustive.get(rank).score(), beam.get(rank).score(), 1e-9, "rank " + rank);
        }
    }

    /** The guarantee over many random models, constraints and beam sizes, EOS very likely from the start. */
    @Test
    void everyFinishedHypothesisContainsEveryConstraint() {
        SplittableRandom random = new SplittableRandom(7);
        int vocab = 40;
        for (int trial = 0; trial < 200; trial++) {
            int beams = 1 + random.nextInt(6);
            List<Constraint> constraints = randomConstraints(random, vocab);
            ToyModel model = ToyModel.random(vocab, trial, EOS, 2f);
            GenerationConfig config = GenerationConfig.builder().numBeams(beams).numReturnSequences(beams)
                    .maxNewTokens(20).forcedBosTokenIds(39).constraints(List.of(constraints)).build();

            List<Hypothesis> results = generator.generate(FakeDecoderSession.forBatch(model, vocab, 1, beams), 1, config).get(0);

            assertFalse(results.isEmpty());
            for (Hypothesis hypothesis : results) {
                assertTrue(Oracle.containsAll(hypothesis.tokens(), constraints),
                        "trial " + trial + ", " + beams + " beams: " + hypothesis + " misses " + constraints);
                assertEquals(39, hypothesis.tokens()[0]);
            }
        }
    }

    /** Rows without constraints, in a batch with constrained ones or alone, decode as plain beam search. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void unconstrainedRowsDecodeExactlyAsBeamSearch(int beams) {
        int vocab = 30;
        int batch = 3;
        ToyModel model = ToyModel.random(vocab, 31, EOS, 0.5f);
        GenerationConfig.Builder builder = GenerationConfig.builder().numBeams(beams).numReturnSequences(beams)
                .maxNewTokens(12, 25, 18).forcedBosTokenIds(29);
        GenerationConfig plain = builder.build();
        GenerationConfig mixed = builder.constraints(List.of(List.of(), List.of(Constraint.phrase(7, 8)), List.of())).build();

        List<List<Hypothesis>> expected = generator.generate(FakeDecoderSession.forBatch(model, vocab, batch, beams),
                batch, plain, new BeamSearch(plain, batch));
        List<List<Hypothesis>> actual = generator.generate(FakeDecoderSession.forBatch(model, vocab, batch, beams), batch, mixed);
        List<List<Hypothesis>> alone = generator.generate(FakeDecoderSession.forBatch(model, vocab, batch, beams),
                batch, plain, new ConstrainedBeamSearch(plain, batch));

        assertEquals(expected.get(0).toString(), actual.get(0).toString());
        assertEquals(expected.get(2).toString(), actual.get(2).toString());
        assertEquals(expected.toString(), alone.toString());
        assertTrue(Oracle.containsAll(actual.get(1).get(0).tokens(), List.of(Constraint.phrase(7, 8))));
    }

    @Test
    void aConfigurationWithoutConstraintsKeepsTheOldStrategies() {
        assertTrue(SearchStrategy.from(GenerationConfig.builder().build(), 1) instanceof GreedySearch);
        assertTrue(SearchStrategy.from(GenerationConfig.builder().numBeams(2).build(), 1) instanceof BeamSearch);
        assertTrue(SearchStrategy.from(GenerationConfig.builder().numBeams(2)
                .constraints(List.of(List.of(), List.of())).build(), 2) instanceof BeamSearch);
        assertTrue(SearchStrategy.from(GenerationConfig.builder()
                .constraints(List.of(List.of(Constraint.phrase(3)))).build(), 1) instanceof ConstrainedBeamSearch);
    }

    private int[] best(GenerationConfig config) {
        return generator.generate(FakeDecoderSession.forBatch(TABLE, 7, 1, config.numBeams()), 1, config)
                .get(0).get(0).tokens();
    }

    private static List<Constraint> randomConstraints(SplittableRandom random, int vocab) {
        List<Constraint> constraints = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            int alternatives = 1 + random.nextInt(2);
            int[][] tokens = new int[alternatives][];
            for (int a = 0; a < alternatives; a++) {
                tokens[a] = random.ints(1 + random.nextInt(3), 3, vocab - 1).toArray();
            }
            constraints.add(Constraint.anyOf(tokens));
        }
        return constraints;
    }
}
