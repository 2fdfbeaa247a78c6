package dev.sema.testmodels;

import java.util.ArrayList;
import java.util.List;

/** A real NLLB/M2M100 transformer (random seeded weights, configurable size). */
record TinyNllb(NllbDims dims, long seed) implements Seq2SeqBodies {

    @Override
    public String encoder(OnnxGraph g, String inputIds, String attentionMask) {
        M2m100Layers m = new M2m100Layers(g, dims, seed);
        String bias = m.paddingBias(attentionMask);
        String h = m.embed(inputIds, g.scalar(0L));
        for (int i = 0; i < dims.encoderLayers(); i++) {
            String p = "model.encoder.layers." + i;
            String x = m.layerNorm(h, p + ".self_attn_layer_norm");
            String a = m.attend(m.query(x, p + ".self_attn"), m.keyOrValue(x, p + ".self_attn.k_proj"),
                    m.keyOrValue(x, p + ".self_attn.v_proj"), bias, p + ".self_attn");
            h = g.op("Add", h, a);
            h = g.op("Add", h, m.feedForward(m.layerNorm(h, p + ".final_layer_norm"), p, dims.ffn()));
        }
        return m.layerNorm(h, "model.encoder.layer_norm");
    }

    @Override
    public DecoderOutputs decoder(OnnxGraph g, String inputIds, String encoderMask, String encoderHidden,
                                  List<LayerKv> past) {
        M2m100Layers m = new M2m100Layers(g, dims, seed);
        String pastLength = past == null ? g.scalar(0L) : m.kvLength(past.get(0).decKey());
        String selfBias = m.causalBias(inputIds, pastLength);
        String crossBias = m.paddingBias(encoderMask);
        String h = m.embed(inputIds, pastLength);
        List<LayerKv> present = new ArrayList<>();
        for (int i = 0; i < dims.decoderLayers(); i++) {
            String p = "model.decoder.layers." + i;
            String x = m.layerNorm(h, p + ".self_attn_layer_norm");
            String k = m.keyOrValue(x, p + ".self_attn.k_proj");
            String v = m.keyOrValue(x, p + ".self_attn.v_proj");
            if (past != null) {
                k = g.op("Concat", List.of(past.get(i).decKey(), k), OnnxGraph.attr("axis", 2L));
                v = g.op("Concat", List.of(past.get(i).decValue(), v), OnnxGraph.attr("axis", 2L));
            }
            h = g.op("Add", h, m.attend(m.query(x, p + ".self_attn"), k, v, selfBias, p + ".self_attn"));

            x = m.layerNorm(h, p + ".encoder_attn_layer_norm");
            String ck = past == null ? m.keyOrValue(encoderHidden, p + ".encoder_attn.k_proj") : past.get(i).encKey();
            String cv = past == null ? m.keyOrValue(encoderHidden, p + ".encoder_attn.v_proj") : past.get(i).encValue();
            h = g.op("Add", h, m.attend(m.query(x, p + ".encoder_attn"), ck, cv, crossBias, p + ".encoder_attn"));

            h = g.op("Add", h, m.feedForward(m.layerNorm(h, p + ".final_layer_norm"), p, dims.ffn()));
            present.add(past == null ? new LayerKv(k, v, ck, cv) : new LayerKv(k, v, null, null));
        }
        return new DecoderOutputs(m.lmHead(m.layerNorm(h, "model.decoder.layer_norm"), inputIds), present);
    }
}
