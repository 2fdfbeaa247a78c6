package dev.sema.nllb;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The encoder graph: {@code input_ids} and {@code attention_mask} int64 [B, S] in, {@code last_hidden_state}
 * [B, S, D] out. Runs once per batch of sources; sources are right-padded with {@code <pad>} and masked,
 * which M2M100 supports (pad tokens get the zeroed position 1).
 */
final class NllbEncoder implements AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String MASK = "attention_mask";
    private static final String OUTPUT = "last_hidden_state";

    private final OrtSession session;
    private final Path file;
    private final NllbConfig config;
    private final NativeTensors tensors;

    private NllbEncoder(OrtSession session, Path file, NllbConfig config, NativeTensors tensors) throws OrtException {
        this.session = session;
        this.file = file;
        this.config = config;
        this.tensors = tensors;
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.keySet().equals(Set.of(INPUT_IDS, MASK))) {
            throw new NllbModelException(file + ": expected inputs [input_ids, attention_mask], found " + inputs.keySet());
        }
        NodeInfo output = session.getOutputInfo().get(OUTPUT);
        if (output == null || !(output.getInfo() instanceof TensorInfo info)) {
            throw new NllbModelException(file + ": missing output '" + OUTPUT + "'");
        }
        long d = info.getShape()[info.getShape().length - 1];
        if (d >= 0 && d != config.dModel()) {
            throw new NllbModelException(file + ": last_hidden_state has width " + d + " but config.json says d_model = "
                    + config.dModel());
        }
    }

    static NllbEncoder open(OrtSessions sessions, Path file, NllbConfig config, NativeTensors tensors) {
        OrtSession session = sessions.open(file);
        try {
            return new NllbEncoder(session, file, config, tensors);
        } catch (OrtException | RuntimeException e) {
            OrtSessions.closeQuietly(session);
            throw e instanceof NllbModelException m ? m
                    : new NllbModelException(file + ": cannot read inputs and outputs: " + e.getMessage(), e);
        }
    }

    /**
     * @param sources model ids per source, each non-empty and at most {@code max_position_embeddings} long
     */
    EncodedBatch encode(List<long[]> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("No sources to encode");
        }
        int rows = sources.size();
        int length = sources.stream().mapToInt(ids -> ids.length).max().orElseThrow();
        if (sources.stream().anyMatch(ids -> ids.length == 0) || length > config.maxPositions()) {
            throw new IllegalArgumentException("Every source needs 1 to " + config.maxPositions() + " tokens");
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        Arrays.fill(ids, NllbTokenizer.PAD);
        for (int r = 0; r < rows; r++) {
            long[] source = sources.get(r);
            System.arraycopy(source, 0, ids, r * length, source.length);
            Arrays.fill(mask, r * length, r * length + source.length, 1L);
        }
        try (TensorScope scope = new TensorScope(tensors)) {
            OnnxTensor idsTensor = scope.track(tensors.longs(ids, rows, length));
            OnnxTensor maskTensor = scope.track(tensors.longs(mask, rows, length));
            OnnxTensor hidden = scope.adopt(run(Map.of(INPUT_IDS, idsTensor, MASK, maskTensor))).get(OUTPUT);
            return new EncodedBatch(rows, length, config.dModel(), hidden.getByteBuffer(), hidden.getInfo().type,
                    maskTensor.getByteBuffer());
        }
    }

    private OrtSession.Result run(Map<String, OnnxTensor> inputs) {
        try {
            return session.run(inputs, Set.of(OUTPUT));
        } catch (OrtException e) {
            throw new IllegalStateException("Encoder " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
