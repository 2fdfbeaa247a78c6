package dev.sema.testmodels;

import java.util.List;

import static dev.sema.testmodels.OnnxGraph.attr;

/**
 * {@link EchoNllb} with a fixed amount of dead CPU work in every decoder run, so a server under test spends
 * real time per generated token (inference-guard ITs need a bulkhead that stays busy long enough to saturate).
 *
 * <p>The work is a chain of {@code links} [{@code size} × {@code size}] MatMul + Tanh steps, seeded from the
 * logits so ONNX Runtime's constant folding cannot precompute it, and added back to the logits multiplied by 0.
 * Tanh keeps every value finite (0 × finite = 0) and away from denormals, so the outputs are bit-identical to
 * {@link EchoNllb}'s and the cost does not depend on the data. One link costs 2·size³ FLOPs; the cost is per
 * decoder run, independent of batch size and sequence length.
 */
record SlowEchoNllb(EchoNllb echo, int size, int links) implements Seq2SeqBodies {

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
        float scale = (float) Math.sqrt(3.0 / size); // entries of W·x keep unit variance
        String weight = g.weight("slow.busy", new long[]{size, size}, Init.uniform(echo.seed(), "slow.busy", 0, scale));
        String x = g.op("Add", weight, g.op("Mul", seedValue, g.scalar(1e-30f)));
        for (int i = 0; i < links; i++) {
            x = g.op("Tanh", g.op("MatMul", x, weight));
        }
        String nothing = g.op("Mul", g.op("ReduceSum", List.of(x), attr("keepdims", 0L)), g.scalar(0f));
        return new DecoderOutputs(g.op("Add", fast.logits(), nothing), fast.present());
    }
}
