package dev.sema.nllb;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;

/**
 * Opens the ONNX Runtime sessions of one model with shared settings. Sessions are created from the file
 * path, never from bytes, so that ONNX Runtime resolves external weights ({@code *.onnx_data}, constant
 * attribute files) beside the graph.
 */
final class OrtSessions implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions options;

    OrtSessions(OrtEnvironment env, OrtSettings settings) {
        this.env = env;
        try {
            this.options = settings.toSessionOptions();
        } catch (OrtException e) {
            throw new NllbModelException("Invalid ONNX Runtime settings " + settings + ": " + e.getMessage(), e);
        }
    }

    OrtSession open(Path file) {
        try {
            return env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new NllbModelException("Cannot load ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already failing with a more useful error.
        }
    }

    /** Frees the options; sessions created with them stay usable. */
    @Override
    public void close() {
        options.close();
    }
}
