package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * Per-tensor 8-bit quantization of one weight, computed as onnxruntime's quantizer does
 * ({@code quant_utils.compute_scale_zp}): a signed (int8) weight is symmetric, {@code [-127, 127]} with zero point
 * 0 and {@code scale = max|x| / 127}; an unsigned (uint8) one is asymmetric over {@code [min(x, 0), max(x, 0)]},
 * {@code scale = (max - min) / 255}. Values become {@code clamp(rint(x / scale) + zeroPoint)}.
 */
record QuantParams(float scale, int zeroPoint, boolean signed) {

    /** Scans {@code init}'s {@code count} values once for their range. */
    static QuantParams of(Init init, long count, boolean signed) {
        float[] range = {0, 0};
        init.generate(count, (values, n) -> {
            for (int i = 0; i < n; i++) {
                range[0] = Math.min(range[0], values[i]);
                range[1] = Math.max(range[1], values[i]);
            }
        });
        if (signed) {
            float absMax = Math.max(-range[0], range[1]);
            return new QuantParams(absMax == 0 ? 1 : 2 * absMax / 254, 0, true);
        }
        float scale = (range[1] - range[0]) / 255;
        return scale == 0 ? new QuantParams(1, 0, false)
                : new QuantParams(scale, (int) Math.rint(-range[0] / scale), false);
    }

    TensorProto.DataType type() {
        return signed ? TensorProto.DataType.INT8 : TensorProto.DataType.UINT8;
    }

    /** The stored byte of {@code x} (an int8, or a uint8 in two's-complement bits). */
    byte quantize(float x) {
        double q = Math.rint(x / scale) + zeroPoint;
        return (byte) Math.max(signed ? -127 : 0, Math.min(signed ? 127 : 255, q));
    }
}
