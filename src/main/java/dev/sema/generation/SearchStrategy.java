package dev.sema.generation;

import java.util.List;

/**
 * How the next tokens are chosen: the only part in which greedy and beam search differ (HF's
 * {@code GenerationMode} dispatch). A strategy is stateful and serves one {@link Generator#generate} call.
 */
public sealed interface SearchStrategy permits GreedySearch, BeamSearch, ConstrainedBeamSearch {

    /**
     * Constrained beam search when any row has constraints (with {@code numBeams} beams, even 1); otherwise
     * greedy when {@code numBeams == 1} and beam search above, so unconstrained batches take the same path
     * as before constraints existed.
     */
    static SearchStrategy from(GenerationConfig config, int batchSize) {
        if (config.hasConstraints()) {
            return new ConstrainedBeamSearch(config, batchSize);
        }
        return config.numBeams() == 1 ? new GreedySearch(config, batchSize) : new BeamSearch(config, batchSize);
    }

    /** Session rows per batch row: 1 for greedy, {@code numBeams} for beam search. */
    int rowsPerSource();

    /**
     * Chooses the next token of every running row.
     *
     * @param sequences what the current rows have generated
     * @param logits    {@code [rows][vocab]} processed logits for the next position
     */
    Selection select(Sequences sequences, float[][] logits);

    /**
     * Turns finished rows of {@code next} (the rows after {@link #select}) into hypotheses.
     *
     * @return indices into {@code next} of the rows that keep running, in order
     */
    int[] retire(Sequences next, StoppingCriteria criteria);

    /** {@code [batch][≤ numReturnSequences]} hypotheses per batch row, best first. */
    List<List<Hypothesis>> finalizeHypotheses();
}
