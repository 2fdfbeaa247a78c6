package dev.sema.testmodels;

import java.util.List;

/** The computation of an encoder–decoder pair, independent of how it is packaged into ONNX files. */
interface Seq2SeqBodies {
    NllbDims dims();

    /** input_ids [B,S], attention_mask [B,S] (int64) → last_hidden_state [B,S,D]. */
    String encoder(OnnxGraph g, String inputIds, String attentionMask);

    /**
     * One decoder run. {@code past} is null for the no-past model (the whole prefix is fed and the cross-attention
     * KV is computed from {@code encoderHidden}); otherwise it holds every layer's cached KV and
     * {@code encoderHidden} is unused (null in the with-past file).
     */
    DecoderOutputs decoder(OnnxGraph g, String inputIds, String encoderMask, String encoderHidden, List<LayerKv> past);

    /** One layer's cache values; {@code encKey}/{@code encValue} are null in with-past outputs. */
    record LayerKv(String decKey, String decValue, String encKey, String encValue) {
    }

    record DecoderOutputs(String logits, List<LayerKv> present) {
    }
}
