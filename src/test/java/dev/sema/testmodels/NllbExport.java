package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import dev.sema.nllb.ModelVariant;
import dev.sema.testmodels.Seq2SeqBodies.DecoderOutputs;
import dev.sema.testmodels.Seq2SeqBodies.LayerKv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sema.testmodels.OnnxGraph.FLOAT;
import static dev.sema.testmodels.OnnxGraph.INT64;

/**
 * Packages {@link Seq2SeqBodies} into Optimum's files: {@code encoder_model.onnx}, {@code decoder_model.onnx},
 * {@code decoder_with_past_model.onnx} and {@code decoder_model_merged.onnx} (an {@code If} on
 * {@code use_cache_branch}: then = with past, else = no past), with Optimum's tensor and dimension names; for
 * {@link ModelVariant#QUANTIZED} the same graphs with 8-bit weights ({@link DynamicQuantization}) in the
 * {@code *_quantized.onnx} files transformers.js adds, with exactly the fp32 files' inputs and outputs.
 */
final class NllbExport {
    static final int OPSET = 17;
    static final String ENCODER = "encoder_model";
    static final String DECODER = "decoder_model";
    static final String DECODER_WITH_PAST = "decoder_with_past_model";
    static final String DECODER_MERGED = "decoder_model_merged";

    private static final String BATCH = "batch_size";
    private static final String ENC_SEQ = "encoder_sequence_length";
    private static final String ENC_SEQ_OUT = "encoder_sequence_length_out";
    private static final String DEC_SEQ = "decoder_sequence_length";
    private static final String PAST_SEQ = "past_decoder_sequence_length";
    private static final String PRESENT_SEQ = "past_decoder_sequence_length + 1";

    private final Seq2SeqBodies bodies;
    private final NllbDims dims;
    private final Path onnxDir;
    private final ModelVariant variant;
    private final boolean externalData;

    /**
     * @param variant      FP32 or QUANTIZED (which files, and whether weights are 8-bit)
     * @param externalData weights in {@code <file>.onnx_data}, for files past protobuf's 2 GB
     */
    NllbExport(Seq2SeqBodies bodies, Path onnxDir, ModelVariant variant, boolean externalData) {
        if (variant == ModelVariant.FP16) {
            throw new IllegalArgumentException("the generator writes fp32 and quantized files only");
        }
        this.bodies = bodies;
        this.dims = bodies.dims();
        this.onnxDir = onnxDir;
        this.variant = variant;
        this.externalData = externalData;
    }

    void encoder() throws IOException {
        write(ENCODER, g -> {
            String ids = g.input("input_ids", INT64, BATCH, ENC_SEQ);
            String mask = g.input("attention_mask", INT64, BATCH, ENC_SEQ);
            g.output(bodies.encoder(g, ids, mask), "last_hidden_state", FLOAT, BATCH, ENC_SEQ, dims.dModel());
        });
    }

    void decoder() throws IOException {
        write(DECODER, g -> {
            String mask = g.input("encoder_attention_mask", INT64, BATCH, ENC_SEQ);
            String ids = g.input("input_ids", INT64, BATCH, DEC_SEQ);
            String hidden = g.input("encoder_hidden_states", FLOAT, BATCH, ENC_SEQ, dims.dModel());
            DecoderOutputs out = bodies.decoder(g, ids, mask, hidden, null);
            declareOutputs(g, out, "", DEC_SEQ, DEC_SEQ, true);
        });
    }

    void decoderWithPast() throws IOException {
        write(DECODER_WITH_PAST, g -> {
            String mask = g.input("encoder_attention_mask", INT64, BATCH, ENC_SEQ);
            String ids = g.input("input_ids", INT64, BATCH, 1);
            DecoderOutputs out = bodies.decoder(g, ids, mask, null, pastInputs(g));
            declareOutputs(g, out, "", 1, PRESENT_SEQ, false);
        });
    }

    void decoderMerged() throws IOException {
        write(DECODER_MERGED, g -> {
            String mask = g.input("encoder_attention_mask", INT64, BATCH, ENC_SEQ);
            String ids = g.input("input_ids", INT64, BATCH, DEC_SEQ);
            String hidden = g.input("encoder_hidden_states", FLOAT, BATCH, ENC_SEQ, dims.dModel());
            List<LayerKv> past = pastInputs(g);
            String useCache = g.input("use_cache_branch", OnnxGraph.BOOL, 1);

            OnnxGraph withPast = g.subgraph("with_past");
            DecoderOutputs cached = bodies.decoder(withPast, ids, mask, null, past);
            List<LayerKv> padded = new ArrayList<>();
            for (LayerKv kv : cached.present()) {
                // Optimum's _unify_onnx_outputs: constant empty encoder KV, first dynamic axis 0, the other 1.
                String empty = withPast.emptyFloat(0, dims.heads(), 1, dims.headDim());
                padded.add(new LayerKv(kv.decKey(), kv.decValue(), empty, empty));
            }
            declareOutputs(withPast, new DecoderOutputs(cached.logits(), padded), "with_past/", null, null, true);

            OnnxGraph noPast = g.subgraph("no_past");
            declareOutputs(noPast, bodies.decoder(noPast, ids, mask, hidden, null), "no_past/", null, null, true);

            g.node("If", List.of(useCache), outputNames(true),
                    OnnxGraph.attr("then_branch", withPast.build()), OnnxGraph.attr("else_branch", noPast.build()));
            declareOutputs(g, null, "", DEC_SEQ, PRESENT_SEQ, true);
        });
    }

    private List<LayerKv> pastInputs(OnnxGraph g) {
        List<LayerKv> past = new ArrayList<>();
        for (int i = 0; i < dims.decoderLayers(); i++) {
            String p = "past_key_values." + i;
            past.add(new LayerKv(
                    g.input(p + ".decoder.key", FLOAT, BATCH, dims.heads(), PAST_SEQ, dims.headDim()),
                    g.input(p + ".decoder.value", FLOAT, BATCH, dims.heads(), PAST_SEQ, dims.headDim()),
                    g.input(p + ".encoder.key", FLOAT, BATCH, dims.heads(), ENC_SEQ_OUT, dims.headDim()),
                    g.input(p + ".encoder.value", FLOAT, BATCH, dims.heads(), ENC_SEQ_OUT, dims.headDim())));
        }
        return past;
    }

    private List<String> outputNames(boolean withEncoderKv) {
        List<String> names = new ArrayList<>(List.of("logits"));
        for (int i = 0; i < dims.decoderLayers(); i++) {
            for (String kind : withEncoderKv ? List.of("decoder.key", "decoder.value", "encoder.key", "encoder.value")
                    : List.of("decoder.key", "decoder.value")) {
                names.add("present." + i + "." + kind);
            }
        }
        return names;
    }

    /**
     * Declares logits and present.* outputs. With {@code out} null the values already carry the output names
     * (the merged If); with {@code presentSeq} null (a branch) no shapes are declared;
     * {@code logitsSeq} is the logits' sequence dimension (a name or 1).
     */
    private void declareOutputs(OnnxGraph g, DecoderOutputs out, String prefix, Object logitsSeq, String presentSeq,
                                boolean withEncoderKv) {
        List<String> names = outputNames(withEncoderKv);
        List<String> values = new ArrayList<>();
        if (out == null) {
            values.addAll(names);
        } else {
            values.add(out.logits());
            for (LayerKv kv : out.present()) {
                values.addAll(withEncoderKv ? List.of(kv.decKey(), kv.decValue(), kv.encKey(), kv.encValue())
                        : List.of(kv.decKey(), kv.decValue()));
            }
        }
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            Object[] shape = null;
            if (presentSeq != null) {
                shape = name.equals("logits") ? new Object[]{BATCH, logitsSeq, dims.vocabSize()}
                        : new Object[]{BATCH, dims.heads(), name.contains("encoder") ? ENC_SEQ_OUT : presentSeq,
                        dims.headDim()};
            }
            g.output(values.get(n), prefix + name, FLOAT, shape);
        }
    }

    @FunctionalInterface
    private interface GraphBody {
        void build(OnnxGraph g) throws IOException;
    }

    private void write(String name, GraphBody body) throws IOException {
        Files.createDirectories(onnxDir);
        Path model = onnxDir.resolve(variant.fileName(name));
        try (TensorStore store = externalData ? TensorStore.external(onnxDir.resolve(model.getFileName() + "_data"))
                : TensorStore.inline()) {
            OnnxGraph g = new OnnxGraph("main_graph", store, variant == ModelVariant.QUANTIZED);
            body.build(g);
            ModelProto proto = ModelProto.newBuilder()
                    .setIrVersion(8)
                    .setProducerName("sema-testmodels")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                    .setGraph(g.build())
                    .build();
            try (OutputStream out = Files.newOutputStream(model)) {
                proto.writeTo(out);
            }
        }
    }
}
