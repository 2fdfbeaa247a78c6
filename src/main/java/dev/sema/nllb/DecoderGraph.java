package dev.sema.nllb;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;
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
    private final DecoderContract contract;
    private final boolean takesEncoderStates;
    private final OnnxJavaType kvType;
    private final Set<String> firstStepOutputs;
    private final Set<String> cachedStepOutputs;

    /** Opens {@code file} and checks it; the session is closed again when the check fails. */
    static DecoderGraph open(OrtSessions sessions, Path file, Role role, NllbConfig config) {
        OrtSession session = sessions.open(file);
        try {
            return new DecoderGraph(session, file, role, new DecoderContract(file, role, config));
        } catch (OrtException | RuntimeException e) {
            OrtSessions.closeQuietly(session);
            throw e instanceof NllbModelException m ? m
                    : new NllbModelException(file + ": cannot read inputs and outputs: " + e.getMessage(), e);
        }
    }

    private DecoderGraph(OrtSession session, Path file, Role role, DecoderContract contract) throws OrtException {
        this.session = session;
        this.file = file;
        this.role = role;
        this.contract = contract;
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        contract.verify(inputs, outputs);
        this.takesEncoderStates = inputs.containsKey(ENCODER_STATES);
        this.kvType = DecoderContract.tensorInfo(file, outputs, contract.firstSelfPresent()).type;
        this.firstStepOutputs = contract.outputs(false);
        this.cachedStepOutputs = contract.outputs(true);
    }

    /**
     * Runs one step, asking only for the outputs the step keeps: the merged graph's cached branch returns
     * empty constants for cross-attention KV, which must not replace the first step's.
     */
    OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs, boolean cached) {
        try {
            return session.run(inputs, cached ? cachedStepOutputs : firstStepOutputs);
        } catch (OrtException e) {
            throw new IllegalStateException("Decoder " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** See {@link DecoderContract#verifyKvShapes}. */
    void checkKvShapes(Map<String, OnnxTensor> outputs) {
        contract.verifyKvShapes(outputs);
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
}
