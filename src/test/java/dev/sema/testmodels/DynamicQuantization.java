package dev.sema.testmodels;

import java.util.List;

import static dev.sema.testmodels.OnnxGraph.attr;

/**
 * The ops of the {@code _quantized} files, in the structure onnxruntime's {@code quantize_dynamic} gives a graph:
 * that is what transformers.js' {@code scripts/quantize.py} runs to make Xenova's {@code *_quantized.onnx}
 * (IntegerOps mode, per-tensor, QInt8 weights, QUInt8 activations, {@code MatMulConstBOnly}). A MatMul whose B is
 * a weight becomes {@code DynamicQuantizeLinear(x) → MatMulInteger → Cast(float) → Mul(x_scale · W_scale)}; a
 * Gather on a weight reads the uint8 table and a {@code DequantizeLinear} turns the rows back into floats. Activation
 * × activation MatMuls (attention), LayerNorm parameters and biases stay float, as the quantizer leaves them.
 */
final class DynamicQuantization {

    /** A weight's 8-bit initializer with its per-tensor scale and zero point (names of graph values). */
    record Weight(String data, String scale, String zeroPoint) {
    }

    private DynamicQuantization() {
    }

    /** x [..., K] (float) · W [K, N] (8-bit) → [..., N] float; x is quantized per call over the whole tensor. */
    static String matMul(OnnxGraph g, String x, Weight w) {
        String[] q = g.ops("DynamicQuantizeLinear", 3, List.of(x));
        String product = g.op("MatMulInteger", q[0], w.data(), q[2], w.zeroPoint());
        String asFloat = g.op("Cast", List.of(product), attr("to", OnnxGraph.FLOAT.getNumber()));
        return g.op("Mul", asFloat, g.op("Mul", q[1], w.scale()));
    }

    /** Rows {@code ids} [B,T] of an 8-bit table [V,D] → [B,T,D] float. */
    static String gather(OnnxGraph g, Weight table, String ids) {
        return g.op("DequantizeLinear", g.op("Gather", table.data(), ids), table.scale(), table.zeroPoint());
    }
}
