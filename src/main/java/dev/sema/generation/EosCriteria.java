package dev.sema.generation;

/** A row is finished once its last generated token is EOS. */
public record EosCriteria(int eosTokenId) implements StoppingCriteria {

    @Override
    public boolean isDone(Sequences sequences, int row) {
        int length = sequences.length(row);
        return length > 0 && sequences.token(row, length - 1) == eosTokenId;
    }
}
