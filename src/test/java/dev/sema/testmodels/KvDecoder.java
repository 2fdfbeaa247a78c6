package dev.sema.testmodels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-side decoder driver written from the research note's recipe (not the production engine): the first
 * call runs without past (empty past tensors through the Buffer path), later calls feed the previous step's
 * {@code present.*.decoder.*} and the first step's {@code present.*.encoder.*}. Works on a merged decoder or on
 * the unmerged pair, binding every input by name.
 */
final class KvDecoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession merged;
    private final OrtSession noPast;
    private final OrtSession withPast;
    private final OnnxTensor encoderHidden;
    private final OnnxTensor encoderMask;
    private OrtSession.Result first;
    private OrtSession.Result previous;

    private KvDecoder(OrtEnvironment env, OrtSession merged, OrtSession noPast, OrtSession withPast,
                      OnnxTensor encoderHidden, OnnxTensor encoderMask) {
        this.env = env;
        this.merged = merged;
        this.noPast = noPast;
        this.withPast = withPast;
        this.encoderHidden = encoderHidden;
        this.encoderMask = encoderMask;
    }

    static KvDecoder merged(OrtEnvironment env, OrtSession merged, OnnxTensor hidden, OnnxTensor mask) {
        return new KvDecoder(env, merged, null, null, hidden, mask);
    }

    static KvDecoder unmerged(OrtEnvironment env, OrtSession noPast, OrtSession withPast, OnnxTensor hidden,
                              OnnxTensor mask) {
        return new KvDecoder(env, null, noPast, withPast, hidden, mask);
    }

    /** Feeds {@code ids} [batch, t] and returns the logits [batch, t, vocab]. */
    float[][][] step(long[][] ids) throws OrtException {
        boolean cached = first != null;
        OrtSession session = merged != null ? merged : cached ? withPast : noPast;
        List<OnnxTensor> owned = new ArrayList<>();
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            OnnxTensor idsTensor = OnnxTensor.createTensor(env, ids);
            owned.add(idsTensor);
            inputs.put("input_ids", idsTensor);
            inputs.put("encoder_attention_mask", encoderMask);
            for (String name : session.getInputNames()) {
                if (name.equals("encoder_hidden_states")) {
                    inputs.put(name, encoderHidden);
                } else if (name.equals("use_cache_branch")) {
                    OnnxTensor flag = OnnxTensor.createTensor(env, new boolean[]{cached});
                    owned.add(flag);
                    inputs.put(name, flag);
                } else if (name.startsWith("past_key_values.")) {
                    inputs.put(name, cached ? cachedKv(name) : empty(session, name, ids.length, owned));
                }
            }
            OrtSession.Result result = session.run(inputs);
            if (!cached) {
                first = result;
            } else if (previous != first) {
                previous.close();
            }
            previous = result;
            return (float[][][]) result.get("logits").orElseThrow().getValue();
        } finally {
            owned.forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor cachedKv(String pastName) {
        String present = pastName.replace("past_key_values.", "present.");
        OrtSession.Result source = pastName.contains(".encoder.") ? first : previous;
        return (OnnxTensor) source.get(present).orElseThrow();
    }

    private OnnxTensor empty(OrtSession session, String name, int batch, List<OnnxTensor> owned)
            throws OrtException {
        long[] shape = ((TensorInfo) session.getInputInfo().get(name).getInfo()).getShape();
        OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[]{batch, shape[1], 0, shape[3]});
        owned.add(t);
        return t;
    }

    /** The current cached tensor for {@code present.*} of the last step (encoder KV: of the first step). */
    OnnxTensor present(String name) {
        return (OnnxTensor) (name.contains(".encoder.") ? first : previous).get(name).orElseThrow();
    }

    @Override
    public void close() {
        if (previous != null && previous != first) {
            previous.close();
        }
        if (first != null) {
            first.close();
        }
    }
}
