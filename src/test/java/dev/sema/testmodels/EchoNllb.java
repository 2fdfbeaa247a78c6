package dev.sema.testmodels;

import java.util.ArrayList;
import java.util.List;

import static dev.sema.testmodels.OnnxGraph.attr;

/**
 * A model with NLLB's exact tensor contract whose greedy output copies the source: the logits at decoder
 * position p peak at source token p, so with the target language forced at step 0 the output of
 * {@code [src_lang] + pieces + [</s>]} is {@code [tgt_lang] + pieces + [</s>]}.
 *
 * <p>The decoder reads the source only through the cross-attention KV (cached branch: the
 * {@code past_key_values.*.encoder.*} inputs) and takes its position from the cached self-attention length,
 * so an engine that drops the first step's encoder KV, or does not grow the decoder KV, gets garbage or an
 * error. Each layer's key and value carry the token id under a different affine code; any disagreement
 * between them (layers or key/value swapped) pushes the estimate far off the vocabulary. Past the end of
 * a (padded) source the model emits {@code </s>}.
 */
record EchoNllb(NllbDims dims, long seed) implements Seq2SeqBodies {
    private static final float DISAGREEMENT_PENALTY = 1000f;
    /** Logit sharpness: the echoed id wins with probability ≈ 0.96 so beam search also echoes. */
    private static final float SHARPNESS = 4f;

    @Override
    public String encoder(OnnxGraph g, String inputIds, String attentionMask) {
        String isToken = g.op("Cast", List.of(attentionMask), attr("to", OnnxGraph.BOOL.getNumber()));
        String ids = g.op("Where", isToken, inputIds, g.scalar((long) NllbDims.EOS));
        String asFloat = g.op("Cast", List.of(ids), attr("to", OnnxGraph.FLOAT.getNumber()));
        String ones = g.weight("echo.ones", new long[]{dims.dModel()}, Init.uniform(seed, "echo.ones", 1, 0));
        return g.op("Mul", g.op("Reshape", asFloat, g.ints(0, 0, 1)), ones);
    }

    @Override
    public DecoderOutputs decoder(OnnxGraph g, String inputIds, String encoderMask, String encoderHidden,
                                  List<LayerKv> past) {
        M2m100Layers m = new M2m100Layers(g, dims, seed);
        String pastLength = past == null ? g.scalar(0L) : m.kvLength(past.get(0).decKey());
        String idsShape = g.op("Shape", inputIds);
        String newLength = g.op("Gather", List.of(idsShape, g.scalar(1L)), attr("axis", 0L));
        String positions = g.op("Range", pastLength, g.op("Add", pastLength, newLength), g.scalar(1L));
        String kvShape = g.op("Concat", List.of(g.op("Gather", idsShape, g.ints(0)), g.ints(dims.heads()),
                g.op("Gather", idsShape, g.ints(1)), g.ints(dims.headDim())), attr("axis", 0L));
        String selfKey = g.op("Expand", g.op("Reshape", toFloat(g, positions), g.ints(1, 1, -1, 1)), kvShape);
        String selfValue = g.op("Expand", g.op("Reshape", toFloat(g, inputIds), g.ints(0, 1, -1, 1)), kvShape);

        String encoderHeads = past == null ? m.splitHeads(encoderHidden) : null;
        List<LayerKv> present = new ArrayList<>();
        List<String> sourceEstimates = new ArrayList<>();
        for (int i = 0; i < dims.decoderLayers(); i++) {
            String k = selfKey;
            String v = selfValue;
            if (past != null) {
                k = g.op("Concat", List.of(past.get(i).decKey(), k), attr("axis", 2L));
                v = g.op("Concat", List.of(past.get(i).decValue(), v), attr("axis", 2L));
            }
            String ck = past == null ? affine(g, encoderHeads, 2, keyOffset(i)) : past.get(i).encKey();
            String cv = past == null ? affine(g, encoderHeads, 3, valueOffset(i)) : past.get(i).encValue();
            sourceEstimates.add(decode(g, ck, 2, keyOffset(i)));
            sourceEstimates.add(decode(g, cv, 3, valueOffset(i)));
            present.add(past == null ? new LayerKv(k, v, ck, cv) : new LayerKv(k, v, null, null));
        }

        String lastSource = g.op("Sub", m.kvLength(present.get(0).encKey() != null
                ? present.get(0).encKey() : past.get(0).encKey()), g.scalar(1L));
        String sourcePositions = g.op("Min", positions, lastSource);
        List<String> picked = sourceEstimates.stream()
                .map(e -> g.op("Gather", List.of(e, sourcePositions), attr("axis", 1L))).toList();
        String estimate = picked.get(0);
        for (String other : picked.subList(1, picked.size())) {
            String gap = g.op("Abs", g.op("Sub", other, picked.get(0)));
            estimate = g.op("Add", estimate, g.op("Mul", gap, g.scalar(DISAGREEMENT_PENALTY)));
        }
        String vocab = g.weight("echo.vocabulary_ids", new long[]{dims.vocabSize()}, Init.arange());
        String distance = g.op("Sub", g.op("Reshape", estimate, g.ints(0, 0, 1)), vocab);
        String logits = g.op("Mul", g.op("Mul", distance, distance), g.scalar(-SHARPNESS));
        return new DecoderOutputs(logits, present);
    }

    private static long keyOffset(int layer) {
        return 7L * layer + 1;
    }

    private static long valueOffset(int layer) {
        return 11L * layer;
    }

    private static String toFloat(OnnxGraph g, String x) {
        return g.op("Cast", List.of(x), attr("to", OnnxGraph.FLOAT.getNumber()));
    }

    private static String affine(OnnxGraph g, String x, float scale, long offset) {
        return g.op("Add", g.op("Mul", x, g.scalar(scale)), g.scalar((float) offset));
    }

    /** Source token ids [B,S] from a cross-attention KV [B,H,S,Dh] (head 0, channel 0), undoing the code. */
    private static String decode(OnnxGraph g, String kv, float scale, long offset) {
        String head = g.op("Gather", List.of(kv, g.scalar(0L)), attr("axis", 1L));
        String channel = g.op("Gather", List.of(head, g.scalar(0L)), attr("axis", 2L));
        return g.op("Div", g.op("Sub", channel, g.scalar((float) offset)), g.scalar(scale));
    }
}
