package dev.sema.testmodels;

import java.util.List;

import static dev.sema.testmodels.OnnxGraph.attr;

/**
 * The building blocks of an M2M100/NLLB transformer emitted as ONNX ops, following
 * transformers' modeling_m2m_100.py: pre-LayerNorm, q scaled by head_dim^-0.5, KV as [batch, heads, seq, head_dim].
 */
final class M2m100Layers {
    /** Additive bias for masked attention scores; finite so that softmax never sees a row of -inf. */
    private static final float MASKED = -1e9f;
    private static final String SHARED = "model.shared.weight";

    private final OnnxGraph g;
    private final NllbDims dims;
    private final long seed;

    M2m100Layers(OnnxGraph g, NllbDims dims, long seed) {
        this.g = g;
        this.dims = dims;
        this.seed = seed;
    }

    /** Shared token embedding [vocab, d_model], tied with the LM head. */
    String sharedEmbedding() {
        return g.weight(SHARED, sharedShape(), sharedInit());
    }

    /**
     * The shared embedding in the quantized files: uint8, asymmetric, as the quantizer stores a Gather's table. The LM
     * head reuses this one copy, which is how Xenova's decoder_model_merged_quantized.onnx stays at a quarter of the
     * fp32 file's size (476 MB against 1.87 GB, research note §1.1) although the table is 1 GB in fp32.
     */
    private DynamicQuantization.Weight quantizedEmbedding() {
        return g.quantizedWeight(SHARED, sharedShape(), sharedInit(), false);
    }

    private long[] sharedShape() {
        return new long[]{dims.vocabSize(), dims.dModel()};
    }

    private Init sharedInit() {
        return Init.uniform(seed, SHARED, 0, (float) Math.sqrt(3.0 / dims.dModel()));
    }

    /** Token embedding × sqrt(d_model) plus padding-aware sinusoidal positions; ids [B,T] → [B,T,D]. */
    String embed(String ids, String pastLength) {
        String rows = g.quantized() ? DynamicQuantization.gather(g, quantizedEmbedding(), ids)
                : g.op("Gather", sharedEmbedding(), ids);
        String tokens = g.op("Mul", rows, g.scalar((float) Math.sqrt(dims.dModel())));
        String notPad = g.op("Cast", List.of(g.op("Not", g.op("Equal", ids, g.scalar((long) NllbDims.PAD)))),
                attr("to", OnnxGraph.INT64.getNumber()));
        String cumsum = g.op("CumSum", notPad, g.scalar(1L));
        String positions = g.op("Add", g.op("Mul", g.op("Add", cumsum, pastLength), notPad), g.scalar((long) NllbDims.PAD));
        String table = g.weight("model.embed_positions.weights",
                new long[]{dims.maxPositions() + NllbDims.POSITION_OFFSET, dims.dModel()},
                Init.sinusoidal(dims.dModel(), NllbDims.PAD));
        return g.op("Add", tokens, g.op("Gather", table, positions));
    }

    String layerNorm(String x, String name) {
        long[] shape = {dims.dModel()};
        String gamma = g.weight(name + ".weight", shape, Init.uniform(seed, name + ".weight", 1, 0.1f));
        String beta = g.weight(name + ".bias", shape, Init.uniform(seed, name + ".bias", 0, 0.1f));
        return g.op("LayerNormalization", List.of(x, gamma, beta), attr("axis", -1L), attr("epsilon", 1e-5f));
    }

    /**
     * x·W + b with W [in, out] ~ N(0, 1/in), int8 in the quantized files. Normal rather than uniform: with every
     * int8 value spread evenly up to ±127, AVX2's u8×s8 kernel (no VNNI) saturates its 16-bit pair sums often and
     * the tiny model's int8 logits end up 40 % off (relative error; 1.6 % with uint8 weights), an artefact that
     * bell-shaped trained weights, most of them far below their tensor's maximum, mostly avoid.
     */
    String linear(String x, String name, int in, int out) {
        long[] shape = {in, out};
        Init init = Init.normal(seed, name + ".weight", (float) Math.sqrt(1.0 / in));
        String product = g.quantized()
                ? DynamicQuantization.matMul(g, x, g.quantizedWeight(name + ".weight", shape, init, true))
                : g.op("MatMul", x, g.weight(name + ".weight", shape, init));
        String b = g.weight(name + ".bias", new long[]{out}, Init.uniform(seed, name + ".bias", 0, 0.02f));
        return g.op("Add", product, b);
    }

    /** [B,T,D] → [B,H,T,Dh]. */
    String splitHeads(String x) {
        String split = g.op("Reshape", x, g.ints(0, 0, dims.heads(), dims.headDim()));
        return g.op("Transpose", List.of(split), attr("perm", 0L, 2L, 1L, 3L));
    }

    /** [B,H,T,Dh] → [B,T,D]. */
    String mergeHeads(String x) {
        String t = g.op("Transpose", List.of(x), attr("perm", 0L, 2L, 1L, 3L));
        return g.op("Reshape", t, g.ints(0, 0, dims.dModel()));
    }

    /** Scaled query heads of {@code x}: [B,T,D] → [B,H,T,Dh]. */
    String query(String x, String prefix) {
        String q = linear(x, prefix + ".q_proj", dims.dModel(), dims.dModel());
        return splitHeads(g.op("Mul", q, g.scalar((float) Math.pow(dims.headDim(), -0.5))));
    }

    String keyOrValue(String x, String projection) {
        return splitHeads(linear(x, projection, dims.dModel(), dims.dModel()));
    }

    /** softmax(q·kᵀ + bias)·v, then the output projection; q [B,H,T,Dh], k/v [B,H,S,Dh] → [B,T,D]. */
    String attend(String q, String k, String v, String bias, String prefix) {
        String scores = g.op("MatMul", q, g.op("Transpose", List.of(k), attr("perm", 0L, 1L, 3L, 2L)));
        String weights = g.op("Softmax", List.of(g.op("Add", scores, bias)), attr("axis", -1L));
        return linear(mergeHeads(g.op("MatMul", weights, v)), prefix + ".out_proj", dims.dModel(), dims.dModel());
    }

    /** Key-padding bias [B,1,1,S] from an int64 mask [B,S]: 0 where attended, very negative where padded. */
    String paddingBias(String mask) {
        String masked = g.op("Sub", g.scalar(1f), g.op("Cast", List.of(mask), attr("to", OnnxGraph.FLOAT.getNumber())));
        return g.op("Reshape", g.op("Mul", masked, g.scalar(MASKED)), g.ints(0, 1, 1, -1));
    }

    /** Causal bias [T, P+T] for T new queries after P cached positions (P a scalar int64). */
    String causalBias(String ids, String pastLength) {
        String t = g.op("Gather", List.of(g.op("Shape", ids), g.scalar(1L)), attr("axis", 0L));
        String total = g.op("Add", pastLength, t);
        String queries = g.op("Reshape", g.op("Range", pastLength, total, g.scalar(1L)), g.ints(-1, 1));
        String keys = g.op("Range", g.scalar(0L), total, g.scalar(1L));
        return g.op("Where", g.op("Greater", keys, queries), g.scalar(MASKED), g.scalar(0f));
    }

    /** Sequence length (axis 2) of a KV tensor [B,H,S,Dh], as a scalar int64. */
    String kvLength(String kv) {
        return g.op("Gather", List.of(g.op("Shape", kv), g.scalar(2L)), attr("axis", 0L));
    }

    String feedForward(String x, String prefix, int ffn) {
        String hidden = g.op("Relu", linear(x, prefix + ".fc1", dims.dModel(), ffn));
        return linear(hidden, prefix + ".fc2", ffn, dims.dModel());
    }

    /**
     * Tied LM head: [B,T,D] → [B,T,V] with the shared embedding, stored once: via Gemm(transB) in fp32; in the
     * quantized files as a quantized MatMul on the uint8 table transposed by a constant-only node, which
     * onnxruntime folds into an initializer when the session is created.
     */
    String lmHead(String hidden, String ids) {
        if (g.quantized()) {
            DynamicQuantization.Weight table = quantizedEmbedding();
            String transposed = g.sharedOp("Transpose", List.of(table.data()), attr("perm", 1L, 0L));
            return DynamicQuantization.matMul(g, hidden,
                    new DynamicQuantization.Weight(transposed, table.scale(), table.zeroPoint()));
        }
        String flat = g.op("Reshape", hidden, g.ints(-1, dims.dModel()));
        String logits = g.op("Gemm", List.of(flat, sharedEmbedding()), attr("transB", 1L));
        String shape = g.op("Concat", List.of(g.op("Shape", ids), g.ints(dims.vocabSize())), attr("axis", 0L));
        return g.op("Reshape", logits, shape);
    }
}
