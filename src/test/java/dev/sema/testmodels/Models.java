package dev.sema.testmodels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sema.nllb.ModelVariant;

import java.nio.file.Path;
import java.util.Map;

/** Test helpers to open a generated model's sessions and run its encoder. */
final class Models {
    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private Models() {
    }

    /** Closes test sessions in order (for {@code @AfterAll}). */
    static void close(OrtSession... sessions) throws OrtException {
        for (OrtSession session : sessions) {
            session.close();
        }
    }

    static OrtSession open(Path modelDir, String file) throws OrtException {
        return open(modelDir, file, ModelVariant.FP32);
    }

    /** Opens graph {@code file} (e.g. {@link NllbExport#ENCODER}) of {@code variant}. */
    static OrtSession open(Path modelDir, String file, ModelVariant variant) throws OrtException {
        return ENV.createSession(modelDir.resolve("onnx").resolve(variant.fileName(file)).toString(),
                new OrtSession.SessionOptions());
    }

    /** Runs the encoder; the caller closes the result (it owns last_hidden_state). */
    static OrtSession.Result encode(OrtSession encoder, long[][] ids, long[][] mask) throws OrtException {
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(ENV, ids);
             OnnxTensor maskTensor = OnnxTensor.createTensor(ENV, mask)) {
            return encoder.run(Map.of("input_ids", idsTensor, "attention_mask", maskTensor));
        }
    }

    static OnnxTensor hidden(OrtSession.Result encoded) {
        return (OnnxTensor) encoded.get("last_hidden_state").orElseThrow();
    }

    /** Right-pads rows with pad id 1 and builds the matching attention mask [ids, mask]. */
    static long[][][] padded(long[]... rows) {
        int width = 0;
        for (long[] r : rows) {
            width = Math.max(width, r.length);
        }
        long[][] ids = new long[rows.length][width];
        long[][] mask = new long[rows.length][width];
        for (int b = 0; b < rows.length; b++) {
            for (int s = 0; s < width; s++) {
                ids[b][s] = s < rows[b].length ? rows[b][s] : NllbDims.PAD;
                mask[b][s] = s < rows[b].length ? 1 : 0;
            }
        }
        return new long[][][]{ids, mask};
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
