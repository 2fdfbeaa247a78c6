package dev.sema.nllb;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.TensorInfo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.sema.nllb.DecoderGraph.ENCODER_MASK;
import static dev.sema.nllb.DecoderGraph.ENCODER_STATES;
import static dev.sema.nllb.DecoderGraph.INPUT_IDS;
import static dev.sema.nllb.DecoderGraph.LOGITS;
import static dev.sema.nllb.DecoderGraph.USE_CACHE;

/**
 * What a decoder graph of a given role must take and give according to {@code config.json}, by name. Every
 * mismatch is reported against the graph file, since that (or the config beside it) is what needs fixing.
 */
final class DecoderContract {

    private final Path file;
    private final DecoderGraph.Role role;
    private final NllbConfig config;
    private final List<String> selfPast;
    private final List<String> crossPast;
    private final List<String> selfPresent;
    private final List<String> crossPresent;

    DecoderContract(Path file, DecoderGraph.Role role, NllbConfig config) {
        this.file = file;
        this.role = role;
        this.config = config;
        int layers = config.decoderLayers();
        this.selfPast = KvNames.names(KvNames.PAST, KvNames.SELF, layers);
        this.crossPast = KvNames.names(KvNames.PAST, KvNames.CROSS, layers);
        this.selfPresent = KvNames.names(KvNames.PRESENT, KvNames.SELF, layers);
        this.crossPresent = KvNames.names(KvNames.PRESENT, KvNames.CROSS, layers);
    }

    /** Outputs to request: the cached step needs no cross-attention KV (the merged graph's are empty constants). */
    Set<String> outputs(boolean cachedStep) {
        Set<String> outputs = new LinkedHashSet<>(List.of(LOGITS));
        outputs.addAll(selfPresent);
        if (!cachedStep && role.givesCross) {
            outputs.addAll(crossPresent);
        }
        return outputs;
    }

    /** @throws NllbModelException naming the file and the missing, unexpected or mis-shaped tensor */
    void verify(Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs) {
        Set<String> expected = new LinkedHashSet<>(List.of(INPUT_IDS, ENCODER_MASK, ENCODER_STATES));
        if (role.takesPast) {
            expected.addAll(selfPast);
            expected.addAll(crossPast);
        }
        if (role == DecoderGraph.Role.MERGED) {
            expected.add(USE_CACHE);
        }
        for (String name : inputs.keySet()) {
            if (!expected.contains(name)) {
                throw error("unsupported input '" + name + "' (config.json: decoder_layers = " + config.decoderLayers() + ")");
            }
        }
        for (String name : expected) {
            boolean optional = name.equals(ENCODER_STATES) && role == DecoderGraph.Role.WITH_PAST;
            if (!optional && !inputs.containsKey(name)) {
                throw error("missing input '" + name + "'");
            }
        }
        for (String name : outputs(false)) {
            if (!outputs.containsKey(name)) {
                throw error("missing output '" + name + "'");
            }
        }
        checkDim(outputs, LOGITS, 2, config.vocabSize(), "vocab_size");
        List<String> pastInputs = role.takesPast ? Stream.concat(selfPast.stream(), crossPast.stream()).toList() : List.of();
        pastInputs.forEach(name -> checkKv(inputs, name));
        outputs(false).stream().filter(name -> name.startsWith(KvNames.PRESENT)).forEach(name -> checkKv(outputs, name));
    }

    /**
     * Checks the KV outputs of a first step: graphs may leave every KV axis symbolic, which hides a head-count
     * mismatch from {@link #verify}.
     */
    void verifyKvShapes(Map<String, OnnxTensor> outputs) {
        outputs.forEach((name, tensor) -> {
            long[] shape = tensor.getInfo().getShape();
            if (name.startsWith(KvNames.PRESENT)
                    && (shape.length != 4 || shape[1] != config.decoderHeads() || shape[3] != config.headDim())) {
                throw new IllegalStateException(file + ": '" + name + "' came out as " + Arrays.toString(shape)
                        + " but config.json implies [rows, " + config.decoderHeads() + ", positions, " + config.headDim() + "]");
            }
        });
    }

    static TensorInfo tensorInfo(Path file, Map<String, NodeInfo> info, String name) {
        if (!(info.get(name).getInfo() instanceof TensorInfo tensor)) {
            throw new NllbModelException(file + ": '" + name + "' is not a tensor");
        }
        return tensor;
    }

    String firstSelfPresent() {
        return selfPresent.get(0);
    }

    private void checkKv(Map<String, NodeInfo> info, String name) {
        checkDim(info, name, 1, config.decoderHeads(), "decoder_attention_heads");
        checkDim(info, name, 3, config.headDim(), "d_model / decoder_attention_heads");
    }

    /** Fails when axis {@code axis} of {@code name} is fixed in the graph and differs from config.json. */
    private void checkDim(Map<String, NodeInfo> info, String name, int axis, int expected, String configKey) {
        long[] shape = tensorInfo(file, info, name).getShape();
        if (shape.length <= axis) {
            throw error("'" + name + "' has rank " + shape.length + ", expected more than " + axis);
        }
        if (shape[axis] >= 0 && shape[axis] != expected) {
            throw error("'" + name + "' has " + shape[axis] + " on axis " + axis + " but config.json says "
                    + configKey + " = " + expected);
        }
    }

    private NllbModelException error(String problem) {
        return new NllbModelException(file + ": " + problem);
    }
}
