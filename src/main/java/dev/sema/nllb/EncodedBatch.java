package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;

import java.nio.ByteBuffer;

/**
 * Encoder output for a batch of sources, held on the Java heap so that any number of decoding sessions (one
 * per beam width, or a retry) can build their own native copies, repeated per beam or with finished rows
 * left out, without running the encoder again.
 *
 * @param rows          number of sources B
 * @param length        padded source length S (tokens)
 * @param dModel        hidden size D
 * @param hiddenStates  {@code last_hidden_state} [B, S, D] as raw native-order bytes of {@code hiddenType}
 * @param hiddenType    element type of the hidden states (float, or float16 in fp16 exports)
 * @param attentionMask int64 [B, S] as raw native-order bytes: 1 on tokens, 0 on right padding
 */
public record EncodedBatch(int rows, int length, int dModel, ByteBuffer hiddenStates, OnnxJavaType hiddenType,
                           ByteBuffer attentionMask) {

    public EncodedBatch {
        hiddenStates = hiddenStates.asReadOnlyBuffer();
        attentionMask = attentionMask.asReadOnlyBuffer();
    }

    /**
     * The encoder's vectors of tokens {@code [from, to)} of source {@code row} as floats (fp16 exports widened),
     * one {@code float[dModel]} per token: what an aligner compares.
     */
    public float[][] tokenStates(int row, int from, int to) {
        return TokenStates.read(this, row, from, to);
    }

    long[] hiddenShape() {
        return new long[]{rows, length, dModel};
    }

    long[] maskShape() {
        return new long[]{rows, length};
    }
}
