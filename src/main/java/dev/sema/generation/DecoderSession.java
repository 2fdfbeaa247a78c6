package dev.sema.generation;

/**
 * The model side of generation: one decoder forward pass at a time over a batch of rows, owning whatever
 * state the model keeps between steps (for NLLB on ONNX Runtime: encoder states and the KV cache, as
 * native tensors). The generation package drives it and never sees tensors; {@code nllb} implements it.
 *
 * <p>Rows are independent sequences (a batch of sources, each possibly expanded to several beams).
 * Row {@code r} attends only to its own source.
 */
public interface DecoderSession extends AutoCloseable {

    /** Number of rows the next {@link #step} expects. */
    int rows();

    /** Size of the logits' vocabulary axis. */
    int vocabSize();

    /**
     * Runs the decoder on one new token per row and returns the last position's logits.
     *
     * @param tokens {@code [rows]} the token appended to each row (the first call gets the decoder start
     *               token)
     * @return {@code [rows][vocabSize]} raw logits, a fresh array the caller may modify in place
     */
    float[][] step(long[] tokens);

    /**
     * Keeps only the given rows, in the given order, before the next step: {@code newRow i} continues the
     * state of old row {@code rowIndices[i]}. Indices may repeat (beam search copies a beam) and may
     * omit rows (finished sequences leave). Cost is proportional to the state kept.
     */
    void reorder(int[] rowIndices);

    /** Frees the native state; idempotent. */
    @Override
    void close();
}
