package dev.sema.generation;

import java.util.function.IntUnaryOperator;

/**
 * A row is finished once it has generated its limit of tokens (the decoder start token does not count).
 *
 * @param maxNewTokensOfSource batch row → its limit
 */
public record MaxLengthCriteria(IntUnaryOperator maxNewTokensOfSource) implements StoppingCriteria {

    @Override
    public boolean isDone(Sequences sequences, int row) {
        return sequences.length(row) >= maxNewTokensOfSource.applyAsInt(sequences.source(row));
    }
}
