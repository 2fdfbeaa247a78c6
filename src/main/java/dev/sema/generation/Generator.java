package dev.sema.generation;

import java.util.List;

/**
 * Autoregressive decoding over a {@link DecoderSession}, structured like HF {@code generate()}: greedy and
 * beam search share the loop, the processors and the stopping criteria, and differ only in
 * {@link SearchStrategy#select}. Stateless and thread-safe; every call builds its own strategy.
 *
 * <p>The caller owns the session: it creates it with {@code batchSize × numBeams} rows (beam b of batch row
 * r at {@code r * numBeams + b}) and closes it afterwards; {@code generate} only steps and reorders it.
 */
public final class Generator {

    /**
     * Decodes every batch row to completion.
     *
     * @param session   a fresh session with {@code batchSize × config.numBeams()} rows; left open
     * @param batchSize number of source rows
     * @return {@code [batchSize][≤ numReturnSequences]} hypotheses per source row, best first
     * @throws IllegalArgumentException when the session, batch size and configuration do not agree
     */
    public List<List<Hypothesis>> generate(DecoderSession session, int batchSize, GenerationConfig config) {
        return generate(session, batchSize, config, SearchStrategy.from(config, batchSize), StoppingCriteria.from(config));
    }

    /**
     * As {@link #generate(DecoderSession, int, GenerationConfig)}, with a criterion of the caller's that also
     * ends rows (HF's {@code stopping_criteria} argument), checked after every step like EOS: e.g. rows nobody
     * waits for any more, which then leave the session before the next step. Such a row's hypotheses end where
     * it stopped.
     */
    public List<List<Hypothesis>> generate(DecoderSession session, int batchSize, GenerationConfig config,
                                           StoppingCriteria extra) {
        return generate(session, batchSize, config, SearchStrategy.from(config, batchSize),
                StoppingCriteria.from(config).or(extra));
    }

    /** The loop, with the strategy given (tests run beam search with one beam against greedy). */
    List<List<Hypothesis>> generate(DecoderSession session, int batchSize, GenerationConfig config,
                                    SearchStrategy strategy) {
        return generate(session, batchSize, config, strategy, StoppingCriteria.from(config));
    }

    private List<List<Hypothesis>> generate(DecoderSession session, int batchSize, GenerationConfig config,
                                            SearchStrategy strategy, StoppingCriteria criteria) {
        config.validate(batchSize, session.vocabSize());
        // 1. Logits processors, in their documented order.
        LogitsProcessorList processors = LogitsProcessorList.from(config);
        // 2. Stopping criteria: EOS or the row's length limit, plus any the caller added.
        // 3. The search strategy (SearchStrategy.from: greedy when numBeams == 1) and its starting rows.
        Sequences sequences = Sequences.start(batchSize, strategy.rowsPerSource(), config.decoderStartTokenId());
        if (session.rows() != sequences.rows()) {
            throw new IllegalArgumentException("session has " + session.rows() + " rows, expected "
                    + sequences.rows() + " (" + batchSize + " rows × " + strategy.rowsPerSource() + " beams)");
        }
        // 4. One decoder step per token until every row has finished.
        while (sequences.rows() > 0) {
            float[][] logits = session.step(sequences.lastTokens());
            if (logits.length != sequences.rows()) {
                throw new IllegalStateException("decoder returned " + logits.length + " rows for " + sequences.rows());
            }
            processors.process(sequences, logits);
            Selection selection = strategy.select(sequences, logits);
            Sequences next = sequences.advance(selection.fromRows(), selection.tokens());
            int[] running = strategy.retire(next, criteria);
            sequences = next.keep(running);
            reorder(session, selection.fromRows(), running);
        }
        // 5. The n-best per source row.
        return strategy.finalizeHypotheses();
    }

    /**
     * One reorder for both the beam shuffle and the rows that left: running row i continues session row
     * {@code fromRows[running[i]]}. Skipped when nothing moved or nothing is left to step.
     */
    private static void reorder(DecoderSession session, int[] fromRows, int[] running) {
        if (running.length == 0) {
            return;
        }
        int[] sessionRows = new int[running.length];
        boolean identity = running.length == session.rows();
        for (int i = 0; i < running.length; i++) {
            sessionRows[i] = fromRows[running[i]];
            identity &= sessionRows[i] == i;
        }
        if (!identity) {
            session.reorder(sessionRows);
        }
    }
}
