package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads token vectors out of an {@link EncodedBatch}'s raw {@code last_hidden_state} bytes as floats, whatever
 * the export's element type: fp32, or fp16 widened exactly (Java 17 has no {@code Float.float16ToFloat}).
 */
final class TokenStates {

    private TokenStates() {
    }

    /** Vectors of tokens {@code [from, to)} of {@code row}, one {@code float[dModel]} each. */
    static float[][] read(EncodedBatch batch, int row, int from, int to) {
        if (row < 0 || row >= batch.rows() || from < 0 || to > batch.length() || from > to) {
            throw new IndexOutOfBoundsException("row " + row + " tokens " + from + "-" + to + " of a batch of "
                    + batch.rows() + " x " + batch.length());
        }
        ByteBuffer bytes = batch.hiddenStates().duplicate().order(ByteOrder.nativeOrder());
        int width = batch.dModel();
        float[][] vectors = new float[to - from][width];
        for (int t = from; t < to; t++) {
            long first = ((long) row * batch.length() + t) * width;
            for (int d = 0; d < width; d++) {
                vectors[t - from][d] = element(bytes, batch.hiddenType(), Math.toIntExact(first + d));
            }
        }
        return vectors;
    }

    private static float element(ByteBuffer bytes, OnnxJavaType type, int index) {
        return switch (type) {
            case FLOAT -> bytes.getFloat(index * Float.BYTES);
            case FLOAT16 -> halfToFloat(bytes.getShort(index * Short.BYTES));
            default -> throw new IllegalStateException("Encoder states of type " + type + " are not supported");
        };
    }

    /** IEEE 754 binary16 to binary32: normals and subnormals exactly, infinities and NaN kept. */
    static float halfToFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f80_0000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }
}
