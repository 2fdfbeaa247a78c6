package dev.sema.nllb;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import dev.sema.generation.DecoderSession;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes a batch of rows with the KV cache, one token per row per {@link #step}. The first step runs the
 * no-past graph (merged: {@code use_cache_branch = false}, with empty past tensors [rows, H, 0, D/H]); later
 * steps feed the previous self-attention KV and the first step's cross-attention KV. Everything stays native
 * between steps; only the last position's logits are copied out. Not thread-safe: one generation loop drives it.
 */
public final class NllbDecoderSession implements DecoderSession {

    private final NllbDecoder decoder;
    private final NativeTensors tensors;
    private final EncodedBatch batch;
    private final int vocabSize;
    private final KvCache cache;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EncoderStates encoderStates;

    NllbDecoderSession(NllbDecoder decoder, NativeTensors tensors, EncodedBatch batch, int[] sourceOfRow, int vocabSize) {
        this.decoder = decoder;
        this.tensors = tensors;
        this.batch = batch;
        this.vocabSize = vocabSize;
        this.cache = new KvCache(tensors);
        this.encoderStates = new EncoderStates(tensors, batch, sourceOfRow);
    }

    @Override
    public int rows() {
        return encoderStates.rows();
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    /** Source index (row of the {@link EncodedBatch}) each row decodes. */
    public int[] sources() {
        return encoderStates.sources();
    }

    @Override
    public float[][] step(long[] tokens) {
        checkOpen();
        int rows = rows();
        if (tokens.length != rows) {
            throw new IllegalArgumentException("step got " + tokens.length + " tokens for " + rows + " rows");
        }
        if (rows == 0) {
            return new float[0][];
        }
        boolean cached = !cache.isEmpty();
        DecoderGraph graph = decoder.graph(cached);
        try (TensorScope scope = new TensorScope(tensors)) {
            Map<String, OnnxTensorLike> inputs = new HashMap<>();
            inputs.put(DecoderGraph.INPUT_IDS, scope.track(tensors.longs(tokens, rows, 1)));
            inputs.put(DecoderGraph.ENCODER_MASK, encoderStates.mask());
            if (graph.takesEncoderStates()) {
                inputs.put(DecoderGraph.ENCODER_STATES, encoderStates.hidden());
            }
            if (graph.role().takesPast) {
                inputs.putAll(cached ? cache.pastInputs() : decoder.emptyPast(scope, rows));
            }
            if (graph.role() == DecoderGraph.Role.MERGED) {
                inputs.put(DecoderGraph.USE_CACHE, scope.track(tensors.flag(cached)));
            }
            Map<String, OnnxTensor> outputs = scope.adopt(graph.run(inputs, cached));
            if (!cached) {
                graph.checkKvShapes(outputs);
            }
            float[][] logits = lastPositionLogits(graph, outputs.get(DecoderGraph.LOGITS), rows);
            cache.update(scope, outputs);
            return logits;
        }
    }

    /** Copies {@code logits[:, -1, :]} out of [rows, steps, V] before the tensor is closed. */
    private float[][] lastPositionLogits(DecoderGraph graph, OnnxTensor logits, int rows) {
        long[] shape = logits.getInfo().getShape();
        if (shape[0] != rows || shape[2] != vocabSize) {
            throw new IllegalStateException(graph.file().getFileName() + ": logits shape "
                    + Arrays.toString(shape) + ", expected [" + rows + ", steps, " + vocabSize + "]");
        }
        FloatBuffer all = logits.getFloatBuffer();
        int steps = (int) shape[1];
        float[][] last = new float[rows][vocabSize];
        for (int r = 0; r < rows; r++) {
            all.get(((r * steps) + steps - 1) * vocabSize, last[r]);
        }
        return last;
    }

    @Override
    public void reorder(int[] rowIndices) {
        checkOpen();
        int[] old = encoderStates.sources();
        if (isIdentity(rowIndices, old.length)) {
            return;
        }
        int[] sources = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            if (rowIndices[i] < 0 || rowIndices[i] >= old.length) {
                throw new IllegalArgumentException("Row " + rowIndices[i] + " out of range [0, " + old.length + ")");
            }
            sources[i] = old[rowIndices[i]];
        }
        // Cross-attention KV and encoder states depend only on the source: beams reshuffled within their
        // source (the usual beam step) leave them valid, so only the self-attention KV is gathered then.
        boolean sourcesChanged = !Arrays.equals(sources, old);
        cache.reorder(rowIndices, sourcesChanged);
        if (sourcesChanged) {
            EncoderStates previous = encoderStates;
            encoderStates = new EncoderStates(tensors, batch, sources);
            previous.close();
        }
    }

    private static boolean isIdentity(int[] rowIndices, int rows) {
        if (rowIndices.length != rows) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (rowIndices[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            cache.close();
            encoderStates.close();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Decoder session is closed");
        }
    }
}
