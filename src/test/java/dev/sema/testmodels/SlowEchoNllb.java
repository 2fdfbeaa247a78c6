package dev.sema.testmodels;

import java.util.List;

import static dev.sema.testmodels.OnnxGraph.attr;

/**
 * {@link EchoNllb} with a fixed amount of dead CPU work per batch row in every decoder run, so a server under
 * test spends real time per generated token and per row, as a real model does (inference-guard ITs need a
 * bulkhead that stays busy, and work that grows with the beams and segments a request asks for).
 *
 * <p>The work is, for every row, a chain of {@code links} [{@code height} × {@code size}] · [{@code size} ×
 * {@code size}] MatMul + Tanh steps, seeded from the logits so ONNX Runtime's constant folding cannot
 * precompute it, and added back to the logits as -0. Tanh keeps every value finite (0 × finite = 0)
 * and away from denormals, so the outputs are bit-identical to {@link EchoNllb}'s and the cost does not depend
 * on the data. One row costs {@code 2 · links · height · size²} FLOPs per decoder run, whatever the sequence
 * length.
 */
record SlowEchoNllb(EchoNllb echo, int size, int height, int links) implements Seq2SeqBodies {

    @Override
    public NllbDims dims() {
        return echo.dims();
    }

    @Override
    public String encoder(OnnxGraph g, String inputIds, String attentionMask) {
        return echo.encoder(g, inputIds, attentionMask);
    }

    @Override
    public DecoderOutputs decoder(OnnxGraph g, String inputIds, String encoderMask, String encoderHidden,
                                  List<LayerKv> past) {
        DecoderOutputs fast = echo.decoder(g, inputIds, encoderMask, encoderHidden, past);
        // A tiny multiple of the logits' mean (finite: the logits are bounded) makes the chain input-dependent.
        String seedValue = g.op("ReduceMean", List.of(fast.logits()), attr("keepdims", 0L));
        float scale = (float) Math.sqrt(3.0 / size); // entries of x·W keep unit variance
        String weight = g.weight("slow.busy", new long[]{size, size}, Init.uniform(echo.seed(), "slow.busy", 0, scale));
        String start = g.weight("slow.start", new long[]{height, size}, Init.uniform(echo.seed(), "slow.start", 0, 1));
        // [rows, height, size]: one block of work per row of input_ids.
        String perRow = g.op("Concat", List.of(g.op("Gather", g.op("Shape", inputIds), g.ints(0)),
                g.ints(height, size)), attr("axis", 0L));
        String x = g.op("Expand", g.op("Add", start, g.op("Mul", seedValue, g.scalar(1e-30f))), perRow);
        for (int i = 0; i < links; i++) {
            x = g.op("Tanh", g.op("MatMul", x, weight));
        }
        // -0: the one zero that leaves every float, +0 and -0 included, bit-identical when added.
        String nothing = g.op("Mul", g.op("Abs", g.op("ReduceSum", List.of(x), attr("keepdims", 0L))), g.scalar(-0f));
        return new DecoderOutputs(g.op("Add", fast.logits(), nothing), fast.present());
    }
}
