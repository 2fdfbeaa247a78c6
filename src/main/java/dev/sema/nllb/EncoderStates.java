package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;

/**
 * The encoder side of a decoding session as native tensors, one row per decoder row: {@code
 * encoder_hidden_states} [rows, S, D] and {@code encoder_attention_mask} int64 [rows, S], gathered from an
 * {@link EncodedBatch} by each row's source index. Fed unchanged on every step.
 */
final class EncoderStates implements AutoCloseable {

    private final NativeTensors tensors;
    private final int[] sources;
    private final OnnxTensor hidden;
    private final OnnxTensor mask;

    EncoderStates(NativeTensors tensors, EncodedBatch batch, int[] sources) {
        this.tensors = tensors;
        this.sources = sources.clone();
        this.mask = RowGather.gather(tensors, batch.attentionMask(), OnnxJavaType.INT64, batch.maskShape(), sources);
        try {
            this.hidden = RowGather.gather(tensors, batch.hiddenStates(), batch.hiddenType(), batch.hiddenShape(), sources);
        } catch (RuntimeException e) {
            tensors.close(mask);
            throw e;
        }
    }

    /** Source index of each row. */
    int[] sources() {
        return sources.clone();
    }

    /** Rows decoded against these states; asked every step, so without the copy {@link #sources} makes. */
    int rows() {
        return sources.length;
    }

    OnnxTensor hidden() {
        return hidden;
    }

    OnnxTensor mask() {
        return mask;
    }

    @Override
    public void close() {
        tensors.close(hidden);
        tensors.close(mask);
    }
}
