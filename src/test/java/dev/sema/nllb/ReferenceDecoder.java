package dev.sema.nllb;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Uncached decoding for comparison, written straight against the ORT API: every call reruns the no-past graph
 * ({@code decoder_model.onnx}, or the merged graph with {@code use_cache_branch = false}) over the whole
 * decoder prefix and returns the last position's logits.
 */
final class ReferenceDecoder implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final NllbConfig config;

    ReferenceDecoder(Path graph, NllbConfig config) throws OrtException {
        this.session = env.createSession(graph.toString(), new OrtSession.SessionOptions());
        this.config = config;
    }

    /** @param prefix [rows][t] decoder ids so far, start token included */
    float[][] lastLogits(EncodedBatch batch, long[][] prefix) throws OrtException {
        int rows = prefix.length;
        int t = prefix[0].length;
        LongBuffer ids = LongBuffer.allocate(rows * t);
        for (long[] row : prefix) {
            ids.put(row);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids.rewind(), new long[]{rows, t}));
            inputs.put("encoder_attention_mask", OnnxTensor.createTensor(env, copy(batch.attentionMask()).asLongBuffer(),
                    new long[]{rows, batch.length()}));
            inputs.put("encoder_hidden_states", OnnxTensor.createTensor(env, copy(batch.hiddenStates()).asFloatBuffer(),
                    new long[]{rows, batch.length(), batch.dModel()}));
            if (session.getInputNames().contains("use_cache_branch")) {
                inputs.put("use_cache_branch", OnnxTensor.createTensor(env, new boolean[]{false}));
                for (String name : session.getInputNames()) {
                    if (name.startsWith("past_key_values.")) {
                        inputs.put(name, OnnxTensor.createTensor(env, FloatBuffer.allocate(0),
                                new long[]{rows, config.decoderHeads(), 0, config.headDim()}));
                    }
                }
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] logits = (float[][][]) result.get("logits").orElseThrow().getValue();
                float[][] last = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    last[r] = logits[r][t - 1];
                }
                return last;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static ByteBuffer copy(ByteBuffer raw) {
        ByteBuffer out = ByteBuffer.allocate(raw.capacity()).order(ByteOrder.nativeOrder());
        out.put(raw.duplicate().rewind()).rewind();
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
