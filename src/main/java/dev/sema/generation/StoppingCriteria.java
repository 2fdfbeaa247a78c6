package dev.sema.generation;

/** Decides, per row, whether a sequence is finished (HF {@code StoppingCriteria}, one boolean per row). */
@FunctionalInterface
public interface StoppingCriteria {

    /** Whether session row {@code row} of {@code sequences} is finished. */
    boolean isDone(Sequences sequences, int row);

    /** EOS or the row's length limit, whichever comes first. */
    static StoppingCriteria from(GenerationConfig config) {
        StoppingCriteria eos = new EosCriteria(config.eosTokenId());
        StoppingCriteria maxLength = new MaxLengthCriteria(config::maxNewTokens);
        return eos.or(maxLength);
    }

    /** Finished when either criterion says so (HF's {@code StoppingCriteriaList}). */
    default StoppingCriteria or(StoppingCriteria other) {
        return (sequences, row) -> isDone(sequences, row) || other.isDone(sequences, row);
    }
}
