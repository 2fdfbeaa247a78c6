package dev.sema.generation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Takes the most likely next token of every row (the first one on ties, like {@code argmax}). A finished
 * row leaves the batch at once; the others keep running.
 */
public final class GreedySearch implements SearchStrategy {

    private final GenerationConfig config;
    private final Hypothesis[] results;
    private double[] sumLogProbs;
    private double[] nextSumLogProbs;

    GreedySearch(GenerationConfig config, int batchSize) {
        this.config = config;
        this.results = new Hypothesis[batchSize];
        this.sumLogProbs = new double[batchSize];
    }

    @Override
    public int rowsPerSource() {
        return 1;
    }

    @Override
    public Selection select(Sequences sequences, float[][] logits) {
        int rows = sequences.rows();
        int[] tokens = new int[rows];
        nextSumLogProbs = new double[rows];
        for (int row = 0; row < rows; row++) {
            tokens[row] = argmax(logits[row]);
            double logSumExp = LogProbabilities.logSumExp(logits[row], logits[row][tokens[row]]);
            nextSumLogProbs[row] = sumLogProbs[row] + LogProbabilities.logProbability(logits[row], tokens[row], logSumExp);
        }
        return new Selection(IntStream.range(0, rows).toArray(), tokens);
    }

    @Override
    public int[] retire(Sequences next, StoppingCriteria criteria) {
        int[] running = new int[next.rows()];
        int count = 0;
        for (int row = 0; row < next.rows(); row++) {
            if (criteria.isDone(next, row)) {
                results[next.source(row)] = Hypothesis.of(next.tokens(row), next.source(row), nextSumLogProbs[row], config);
            } else {
                running[count++] = row;
            }
        }
        running = Arrays.copyOf(running, count);
        sumLogProbs = Arrays.stream(running).mapToDouble(row -> nextSumLogProbs[row]).toArray();
        return running;
    }

    @Override
    public List<List<Hypothesis>> finalizeHypotheses() {
        return Arrays.stream(results).map(List::of).toList();
    }

    /** The index of the highest logit, the first one on ties. */
    static int argmax(float[] row) {
        int best = 0;
        for (int token = 1; token < row.length; token++) {
            if (row[token] > row[best]) {
                best = token;
            }
        }
        return best;
    }
}
