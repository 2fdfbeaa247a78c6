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
        return (sequences, row) -> eos.isDone(sequences, row) || maxLength.isDone(sequences, row);
    }
}
