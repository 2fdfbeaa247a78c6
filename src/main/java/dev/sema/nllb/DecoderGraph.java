package dev.sema.nllb;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One decoder ONNX graph with what it takes and gives, read by name from the session (exports differ in
 * input order, and with-past graphs may lack {@code encoder_hidden_states}), and checked against
 * {@code config.json} at load time.
 *
 * <p>Tensors: {@code input_ids} int64 [rows, steps]; {@code encoder_attention_mask} int64 [rows, S];
 * {@code encoder_hidden_states} [rows, S, D]; KV [rows, H, positions, D/H]; {@code logits} [rows, steps, V].
 */
final class DecoderGraph implements AutoCloseable {

    /** What the graph is: the merged If-graph, or one half of the unmerged pair. */
    enum Role {
        MERGED(true, true), NO_PAST(false, true), WITH_PAST(true, false);

        final boolean takesPast;
        final boolean givesCross;

        Role(boolean takesPast, boolean givesCross) {
            this.takesPast = takesPast;
            this.givesCross = givesCross;
        }
    }

    static final String INPUT_IDS = "input_ids";
    static final String ENCODER_MASK = "encoder_attention_mask";
    static final String ENCODER_STATES = "encoder_hidden_states";
    static final String USE_CACHE = "use_cache_branch";
    static final String LOGITS = "logits";

    private final OrtSession session;
    private final Path file;
    private final Role role;
    private final boolean takesEncoderStates;
    private final OnnxJavaType kvType;
    private final int heads;
    private final int headDim;
    private final Set<String> firstStepOutputs;
    private final Set<String> cachedStepOutputs;

    /** Opens {@code file} and checks it; the session is closed again when the check fails. */
    static DecoderGraph open(OrtSessions sessions, Path file, Role role, NllbConfig config) {
        OrtSession session = sessions.open(file);
        try {
            return new DecoderGraph(session, file, role, config);
        } catch (OrtException | RuntimeException e) {
            OrtSessions.closeQuietly(session);
            throw e instanceof NllbModelException m ? m
                    : new NllbModelException(file + ": cannot read inputs and outputs: " + e.getMessage(), e);
        }
    }

    private DecoderGraph(OrtSession session, Path file, Role role, NllbConfig config) throws OrtException {
        this.session = session;
        this.file = file;
        this.role = role;
        this.heads = config.decoderHeads();
        this.headDim = config.headDim();
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        int layers = config.decoderLayers();
        List<String> selfPast = KvNames.names(KvNames.PAST, KvNames.SELF, layers);
        List<String> crossPast = KvNames.names(KvNames.PAST, KvNames.CROSS, layers);

        Set<String> expected = new LinkedHashSet<>(List.of(INPUT_IDS, ENCODER_MASK, ENCODER_STATES));
        if (role.takesPast) {
            expected.addAll(selfPast);
            expected.addAll(crossPast);
        }
        if (role == Role.MERGED) {
            expected.add(USE_CACHE);
        }
        for (String name : inputs.keySet()) {
            if (!expected.contains(name)) {
                throw error("unsupported input '" + name + "' (config.json: decoder_layers = " + layers + ")");
            }
        }
        for (String name : expected) {
            boolean optional = name.equals(ENCODER_STATES) && role == Role.WITH_PAST;
            if (!optional && !inputs.containsKey(name)) {
                throw error("missing input '" + name + "'");
            }
        }
        this.takesEncoderStates = inputs.containsKey(ENCODER_STATES);

        Set<String> selfPresent = new LinkedHashSet<>(KvNames.names(KvNames.PRESENT, KvNames.SELF, layers));
        Set<String> crossPresent = new LinkedHashSet<>(KvNames.names(KvNames.PRESENT, KvNames.CROSS, layers));
        requireOutput(outputs, LOGITS);
        selfPresent.forEach(name -> requireOutput(outputs, name));
        if (role.givesCross) {
            crossPresent.forEach(name -> requireOutput(outputs, name));
        }
        checkDim(outputs, LOGITS, 2, config.vocabSize(), "vocab_size");
        if (role.takesPast) {
            concat(selfPast, crossPast).forEach(name -> checkKv(inputs, name, config));
        }
        selfPresent.forEach(name -> checkKv(outputs, name, config));
        if (role.givesCross) {
            crossPresent.forEach(name -> checkKv(outputs, name, config));
        }
        this.kvType = tensorInfo(outputs, selfPresent.iterator().next()).type;

        this.cachedStepOutputs = new LinkedHashSet<>(List.of(LOGITS));
        cachedStepOutputs.addAll(selfPresent);
        this.firstStepOutputs = new LinkedHashSet<>(cachedStepOutputs);
        if (role.givesCross) {
            firstStepOutputs.addAll(crossPresent);
        }
    }

    /**
     * Runs one step. The cached branch asks only for logits and self-attention KV: the merged graph's
     * cross-attention outputs there are empty constants that must not replace the first step's.
     */
    OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs, boolean cached) {
        try {
            return session.run(inputs, cached ? cachedStepOutputs : firstStepOutputs);
        } catch (OrtException e) {
            throw new IllegalStateException("Decoder " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the KV outputs of a first step against config.json: graphs may leave every KV axis symbolic, in
     * which case the load-time check could not see a head-count mismatch.
     */
    void checkKvShapes(Map<String, OnnxTensor> outputs) {
        outputs.forEach((name, tensor) -> {
            long[] shape = tensor.getInfo().getShape();
            if (name.startsWith(KvNames.PRESENT) && tensor.getInfo().getNumElements() > 0
                    && (shape.length != 4 || shape[1] != heads || shape[3] != headDim)) {
                throw new IllegalStateException(error("'" + name + "' came out as " + java.util.Arrays.toString(shape)
                        + " but config.json implies [rows, " + heads + ", positions, " + headDim + "]").getMessage());
            }
        });
    }

    Role role() {
        return role;
    }

    boolean takesEncoderStates() {
        return takesEncoderStates;
    }

    /** Element type of the KV tensors (float, or float16 in fp16 exports). */
    OnnxJavaType kvType() {
        return kvType;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private void requireOutput(Map<String, NodeInfo> outputs, String name) {
        if (!outputs.containsKey(name)) {
            throw error("missing output '" + name + "'");
        }
    }

    private void checkKv(Map<String, NodeInfo> info, String name, NllbConfig config) {
        checkDim(info, name, 1, config.decoderHeads(), "decoder_attention_heads");
        checkDim(info, name, 3, config.headDim(), "d_model / decoder_attention_heads");
    }

    /** Fails when axis {@code axis} of {@code name} is fixed in the graph and differs from config.json. */
    private void checkDim(Map<String, NodeInfo> info, String name, int axis, int expected, String configKey) {
        long[] shape = tensorInfo(info, name).getShape();
        if (shape.length <= axis) {
            throw error("'" + name + "' has rank " + shape.length + ", expected more than " + axis);
        }
        if (shape[axis] >= 0 && shape[axis] != expected) {
            throw error("'" + name + "' has " + shape[axis] + " on axis " + axis + " but config.json says "
                    + configKey + " = " + expected);
        }
    }

    private TensorInfo tensorInfo(Map<String, NodeInfo> info, String name) {
        if (!(info.get(name).getInfo() instanceof TensorInfo tensor)) {
            throw error("'" + name + "' is not a tensor");
        }
        return tensor;
    }

    private NllbModelException error(String problem) {
        return new NllbModelException(file + ": " + problem);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
