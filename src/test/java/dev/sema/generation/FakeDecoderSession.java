package dev.sema.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link DecoderSession} over a {@link ToyModel} that keeps, like a KV cache, each row's source and the
 * tokens fed so far, follows {@link #reorder} exactly, and records what the generator asked of it.
 */
final class FakeDecoderSession implements DecoderSession {

    private final ToyModel model;
    private final int vocab;
    private int[] sources;
    private int[][] prefixes;
    final List<Integer> rowsPerStep = new ArrayList<>();
    final List<int[]> reorders = new ArrayList<>();

    /** One session row per entry of {@code rowSources}, which names the source each row decodes. */
    FakeDecoderSession(ToyModel model, int vocab, int... rowSources) {
        this.model = model;
        this.vocab = vocab;
        this.sources = rowSources.clone();
        this.prefixes = new int[rowSources.length][0];
    }

    /** {@code batchSize × beams} rows, beam b of source r at {@code r * beams + b}. */
    static FakeDecoderSession forBatch(ToyModel model, int vocab, int batchSize, int beams) {
        int[] rowSources = new int[batchSize * beams];
        Arrays.setAll(rowSources, row -> row / beams);
        return new FakeDecoderSession(model, vocab, rowSources);
    }

    @Override
    public int rows() {
        return sources.length;
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public float[][] step(long[] tokens) {
        if (tokens.length != rows()) {
            throw new IllegalStateException(tokens.length + " tokens for " + rows() + " rows");
        }
        rowsPerStep.add(rows());
        float[][] logits = new float[rows()][];
        for (int row = 0; row < rows(); row++) {
            prefixes[row] = Arrays.copyOf(prefixes[row], prefixes[row].length + 1);
            prefixes[row][prefixes[row].length - 1] = Math.toIntExact(tokens[row]);
            logits[row] = model.logits(sources[row], prefixes[row]);
        }
        return logits;
    }

    @Override
    public void reorder(int[] rowIndices) {
        reorders.add(rowIndices.clone());
        int[] nextSources = new int[rowIndices.length];
        int[][] nextPrefixes = new int[rowIndices.length][];
        for (int i = 0; i < rowIndices.length; i++) {
            nextSources[i] = sources[rowIndices[i]];
            nextPrefixes[i] = prefixes[rowIndices[i]];
        }
        sources = nextSources;
        prefixes = nextPrefixes;
    }

    @Override
    public void close() {
        throw new AssertionError("the generator must leave closing to the caller");
    }
}
