package dev.sema.generation;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generator overhead per decoder step at NLLB's vocabulary (256,206 logits per row), with a session that
 * only copies precomputed logits, so the figures are processors + search + bookkeeping.
 * Run: {@code mvn -q -o test-compile && java -cp target/classes:target/test-classes dev.sema.generation.SearchBenchmark}
 */
public final class SearchBenchmark {

    private static final int VOCAB = 256_206;
    private static final int STEPS = 40;

    public static void main(String[] args) {
        Set<Integer> suppressed = IntStream.range(256_001, VOCAB).boxed().collect(Collectors.toSet());
        for (int beams : new int[]{1, 4}) {
            for (int batch : new int[]{1, 8}) {
                GenerationConfig config = GenerationConfig.builder().numBeams(beams).maxNewTokens(STEPS)
                        .forcedBosTokenIds(256_057).suppressTokens(suppressed).build();
                run(beams, batch, config); // warm-up
                long start = System.nanoTime();
                int steps = run(beams, batch, config);
                double millis = (System.nanoTime() - start) / 1e6 / steps;
                System.out.printf("beams=%d batch=%d rows=%d: %.2f ms per step%n", beams, batch, beams * batch, millis);
            }
        }
    }

    private static int run(int beams, int batch, GenerationConfig config) {
        SplittableRandom random = new SplittableRandom(1);
        float[] template = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            template[i] = (float) (3 * random.nextGaussian());
        }
        template[2] = -100; // no EOS: every row runs all steps
        int[] steps = {0};
        DecoderSession session = new DecoderSession() {
            private int rows = batch * beams;

            @Override public int rows() { return rows; }
            @Override public int vocabSize() { return VOCAB; }
            @Override public float[][] step(long[] tokens) {
                steps[0]++;
                float[][] logits = new float[rows][];
                for (int row = 0; row < rows; row++) {
                    logits[row] = template.clone();
                    logits[row][(int) (tokens[row] * 7919 % VOCAB)] += 5; // prefix-dependent favourite
                }
                return logits;
            }
            @Override public void reorder(int[] rowIndices) { rows = rowIndices.length; }
            @Override public void close() { }
        };
        List<List<Hypothesis>> results = new Generator().generate(session, batch, config);
        if (results.size() != batch) {
            throw new AssertionError(results.size());
        }
        return steps[0];
    }
}
