package dev.sema.nllb;

import java.nio.file.Path;

/**
 * The architecture numbers of an M2M100/NLLB checkpoint, from its {@code config.json}. The ONNX graphs are
 * checked against them at load time, so a config that does not belong to the graphs fails early.
 *
 * @param dModel          hidden size D (1024 for 600M and 1.3B, 2048 for 3.3B)
 * @param decoderLayers   decoder layers L: the graphs carry 4·L past/present KV tensors
 * @param decoderHeads    decoder attention heads H (axis 1 of every KV tensor)
 * @param vocabSize       logits width V (256206 for the released checkpoints; fine-tunes differ)
 * @param maxPositions    length of the position table: no source or target may exceed it
 */
public record NllbConfig(int dModel, int decoderLayers, int decoderHeads, int vocabSize, int maxPositions) {

    /** Axis 3 of every KV tensor: D / H. */
    public int headDim() {
        return dModel / decoderHeads;
    }

    static NllbConfig read(Path configJson) {
        JsonFile json = JsonFile.read(configJson);
        int dModel = json.requiredPositive("d_model");
        int heads = json.requiredPositive("decoder_attention_heads");
        if (dModel % heads != 0) {
            throw new NllbModelException(configJson + ": d_model " + dModel + " is not a multiple of decoder_attention_heads " + heads);
        }
        return new NllbConfig(dModel, json.requiredPositive("decoder_layers"), heads, json.requiredPositive("vocab_size"),
                json.optionalInt("max_position_embeddings").orElse(1024));
    }
}
