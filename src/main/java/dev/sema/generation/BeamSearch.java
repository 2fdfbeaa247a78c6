package dev.sema.generation;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Beam search as HF {@code BeamSearchScorer}, over {@code numBeams} session rows per batch row (beam b of
 * batch row r starts at session row {@code r * numBeams + b}).
 *
 * <p>Each step: log-softmax of the processed logits plus each beam's running sum; the top
 * {@code 2 × numBeams} candidates over {@code numBeams × vocab}; an EOS candidate ranked within the first
 * {@code numBeams} becomes a finished {@link Hypothesis}, the best non-EOS candidates become the next beams.
 * Beams start at 0 (beam 0) and −1e9 (the others), so the first step does not pick the same token
 * {@code numBeams} times. A batch row stops when {@link EarlyStopping} says so or at its length limit, where
 * its running beams are added as truncated hypotheses; then all its rows leave the batch.
 *
 * <p>Unlike HF, the processors see raw logits and the log-softmax comes after them, so suppressed tokens'
 * probability mass is spread over the rest (as in greedy search, which shares the processors).
 */
public final class BeamSearch implements SearchStrategy {

    /** Start score of every beam but the first: low enough to lose, finite so that sums stay ordered. */
    static final double INACTIVE_BEAM_SCORE = -1e9;

    private final GenerationConfig config;
    private final int numBeams;
    private final BeamHypotheses[] hypotheses;
    private final boolean[] done;
    private double[] beamScores;
    private double[] nextBeamScores;

    BeamSearch(GenerationConfig config, int batchSize) {
        this.config = config;
        this.numBeams = config.numBeams();
        this.hypotheses = new BeamHypotheses[batchSize];
        this.done = new boolean[batchSize];
        this.beamScores = new double[batchSize * numBeams];
        for (int source = 0; source < batchSize; source++) {
            hypotheses[source] = new BeamHypotheses(numBeams, config.lengthPenalty(), config.earlyStopping(),
                    config.maxNewTokens(source));
            Arrays.fill(beamScores, source * numBeams + 1, (source + 1) * numBeams, INACTIVE_BEAM_SCORE);
        }
    }

    @Override
    public int rowsPerSource() {
        return numBeams;
    }

    @Override
    public Selection select(Sequences sequences, float[][] logits) {
        int rows = sequences.rows();
        int[] fromRows = new int[rows];
        int[] tokens = new int[rows];
        nextBeamScores = new double[rows];
        for (int first = 0; first < rows; first += numBeams) {
            TopCandidates top = topCandidates(logits, first);
            int source = sequences.source(first);
            int vocab = logits[first].length;
            int filled = 0;
            for (int rank = 0; rank < top.size() && filled < numBeams; rank++) {
                int row = first + top.index(rank) / vocab;
                int token = top.index(rank) % vocab;
                if (token != config.eosTokenId()) {
                    fromRows[first + filled] = row;
                    tokens[first + filled] = token;
                    nextBeamScores[first + filled] = top.score(rank);
                    filled++;
                } else if (rank < numBeams) {
                    hypotheses[source].add(Hypothesis.of(sequences.tokensWith(row, token), source, top.score(rank),
                            config));
                }
            }
            if (filled < numBeams) {
                throw new IllegalStateException("a vocabulary of " + vocab + " cannot fill " + numBeams + " beams");
            }
            done[source] = hypotheses[source].isDone(nextBeamScores[first], sequences.length(first) + 1);
        }
        return new Selection(fromRows, tokens);
    }

    /** The best {@code 2 × numBeams} of {@code beamScore + logProb(token)} over the beams starting at {@code first}. */
    private TopCandidates topCandidates(float[][] logits, int first) {
        TopCandidates top = new TopCandidates(2 * numBeams);
        for (int beam = 0; beam < numBeams; beam++) {
            float[] row = logits[first + beam];
            double offset = beamScores[first + beam] - LogProbabilities.logSumExp(row);
            for (int token = 0; token < row.length; token++) {
                top.offer(offset + row[token], beam * row.length + token);
            }
        }
        return top;
    }

    @Override
    public int[] retire(Sequences next, StoppingCriteria criteria) {
        int[] running = running(next, numBeams, done, criteria, first -> {
            for (int row = first; row < first + numBeams; row++) {
                hypotheses[next.source(first)].add(Hypothesis.of(next.tokens(row), next.source(first),
                        nextBeamScores[row], config));
            }
        });
        beamScores = Arrays.stream(running).mapToDouble(row -> nextBeamScores[row]).toArray();
        return running;
    }

    /**
     * The rows of {@code next} whose source keeps running. A source that {@code criteria} ends now (checked on its
     * first row) is marked done after {@code atLimit} got its first row, to keep what it wants of its beams.
     */
    static int[] running(Sequences next, int numBeams, boolean[] done, StoppingCriteria criteria, IntConsumer atLimit) {
        int[] running = new int[next.rows()];
        int count = 0;
        for (int first = 0; first < next.rows(); first += numBeams) {
            int source = next.source(first);
            if (!done[source] && criteria.isDone(next, first)) {
                atLimit.accept(first);
                done[source] = true;
            }
            for (int row = first; row < first + numBeams && !done[source]; row++) {
                running[count++] = row;
            }
        }
        return Arrays.copyOf(running, count);
    }

    @Override
    public List<List<Hypothesis>> finalizeHypotheses() {
        return Arrays.stream(hypotheses).map(kept -> kept.best(config.numReturnSequences())).toList();
    }
}
