package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.sema.testmodels.OnnxGraph.FLOAT;
import static dev.sema.testmodels.OnnxGraph.attr;

/**
 * The weight-streaming rate ONNX Runtime reaches on this machine: one token's vector times a 1 GiB weight
 * matrix ({@code Gemm} with {@code transB}, the shape of NLLB's output projection), the operation that
 * dominates a decoder step at batch 1. A decoder step cannot read its weights faster than this, so it is the
 * "memory-bandwidth limit" that step times are compared with; a plain sequential read from Java or C on the
 * same machine reaches less than ORT's prefetching kernels do.
 */
public final class GemvBandwidth {

    private static final int D_MODEL = 1024;
    private static final int ROWS = 262_144;

    private GemvBandwidth() {
    }

    /** Best of {@code passes} runs, in bytes of weights per second, with {@code threads} intra-op threads (0 = ORT's choice). */
    public static double measure(int threads, int passes) throws IOException, OrtException {
        Path dir = Files.createTempDirectory("sema-gemv");
        Path model = dir.resolve("gemv.onnx");
        try {
            write(model);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (threads > 0) {
                    options.setIntraOpNumThreads(threads);
                }
                try (OrtSession session = env.createSession(model.toString(), options);
                     OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[D_MODEL]),
                             new long[] {1, D_MODEL})) {
                    double best = 0;
                    for (int pass = 0; pass < passes; pass++) {
                        long start = System.nanoTime();
                        session.run(Map.of("x", x)).close();
                        best = Math.max(best, 4.0 * ROWS * D_MODEL / ((System.nanoTime() - start) / 1e9));
                    }
                    return best;
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static void write(Path model) throws IOException {
        try (TensorStore store = TensorStore.external(model.resolveSibling("gemv.onnx_data"))) {
            OnnxGraph g = new OnnxGraph("gemv", store);
            String x = g.input("x", FLOAT, 1, D_MODEL);
            String w = g.weight("w", new long[] {ROWS, D_MODEL}, Init.uniform(1, "w", 0, 1));
            g.output(g.op("Gemm", List.of(x, w), attr("transB", 1L)), "y", FLOAT, 1, ROWS);
            ModelProto proto = ModelProto.newBuilder().setIrVersion(8).setProducerName("sema-testmodels")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(NllbExport.OPSET))
                    .setGraph(g.build()).build();
            try (OutputStream out = Files.newOutputStream(model)) {
                proto.writeTo(out);
            }
        }
    }
}
