package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sema.nllb.ModelVariant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code _quantized} tiny model is the fp32 one with 8-bit weights: the structure of onnxruntime's dynamic
 * quantization, a byte per weight instead of four, and logits that follow the fp32 model's within quantization
 * error.
 */
class QuantizedModelTest {
    private static final NllbDims DIMS = NllbDims.tiny(ModelFiles.SPM_SIZE);
    private static final long ENG = DIMS.languageId(ModelFiles.languages().indexOf("eng_Latn"));
    private static final long DEU = DIMS.languageId(ModelFiles.languages().indexOf("deu_Latn"));
    private static final long[][] SOURCES = {
            {ENG, 120, 1500, 33, 2790, 9, 2},
            {ENG, 3001, 2},
            {ENG, 17, 250, 3999, 640, 2},
    };
    private static final int STEPS = 8;
    /**
     * Largest relative L2 error ‖int8 − fp32‖ / ‖fp32‖ of a row's logits. An 8-bit per-tensor weight or activation
     * carries about 0.5–1 % relative rounding noise (step / √12 against the values' spread); each logit is the end
     * of a chain of 2 encoder and 2 decoder layers plus the LM head, about 20 quantized products, so a few percent
     * is expected (measured 3.6 % on an AVX2 CPU without VNNI, whose u8×s8 kernel saturates some pairs of products
     * in 16 bits; 1.6 % with uint8 weights, which avoid that kernel). Every weight scale 10 % off gives 0.14 to 0.23
     * yet the same argmax on 20 of 24 rows, so the bound is on this error: cosine similarity would not see a scale.
     */
    private static final double MAX_RELATIVE_ERROR = 0.08;

    private static OrtSession encoder32;
    private static OrtSession decoder32;
    private static OrtSession encoder8;
    private static OrtSession decoder8;

    @BeforeAll
    static void open() throws OrtException {
        encoder32 = Models.open(TestModels.tiny(), NllbExport.ENCODER);
        decoder32 = Models.open(TestModels.tiny(), NllbExport.DECODER_MERGED);
        encoder8 = Models.open(TestModels.tiny(), NllbExport.ENCODER, ModelVariant.QUANTIZED);
        decoder8 = Models.open(TestModels.tiny(), NllbExport.DECODER_MERGED, ModelVariant.QUANTIZED);
    }

    @AfterAll
    static void close() throws OrtException {
        Models.close(decoder8, encoder8, decoder32, encoder32);
    }

    @Test
    void everyWeightProductIsQuantizedAndStoredInOneByteAValue() throws IOException {
        for (String graph : List.of(NllbExport.ENCODER, NllbExport.DECODER_MERGED)) {
            Path onnx = TestModels.tiny().resolve("onnx");
            ModelProto model;
            try (InputStream in = Files.newInputStream(onnx.resolve(ModelVariant.QUANTIZED.fileName(graph)))) {
                model = ModelProto.parseFrom(in);
            }
            Set<String> initializers = new HashSet<>();
            Set<String> floatWeights = new HashSet<>();
            long eightBitBytes = 0;
            for (TensorProto t : model.getGraph().getInitializerList()) {
                initializers.add(t.getName());
                if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE && t.getDimsCount() == 2) {
                    floatWeights.add(t.getName());
                }
                if (t.getDataType() == TensorProto.DataType.INT8_VALUE
                        || t.getDataType() == TensorProto.DataType.UINT8_VALUE) {
                    eightBitBytes += t.getRawData().size();
                }
            }
            assertEquals(Set.of("model.embed_positions.weights"), floatWeights, graph + ": 2-D float initializers");
            List<NodeProto> nodes = new ArrayList<>();
            collect(model.getGraph(), nodes);
            int quantizedProducts = 0;
            for (NodeProto node : nodes) {
                if (node.getOpType().equals("MatMul") || node.getOpType().equals("Gemm")) {
                    assertTrue(node.getInputList().stream().noneMatch(initializers::contains),
                            graph + ": float product on a weight in " + node.getName());
                }
                quantizedProducts += node.getOpType().equals("MatMulInteger") ? 1 : 0;
            }
            // Encoder: 6 a layer; merged decoder: with past 8 a layer + LM head, without past 10 a layer + LM head.
            int expected = graph.equals(NllbExport.ENCODER) ? 6 * DIMS.encoderLayers()
                    : 18 * DIMS.decoderLayers() + 2;
            assertEquals(expected, quantizedProducts, graph + ": MatMulInteger nodes");
            // Each quantized weight went from 4 bytes a value to 1; the extra nodes cost a few kB.
            long fp32Size = Files.size(onnx.resolve(ModelVariant.FP32.fileName(graph)));
            long saved = fp32Size - Files.size(onnx.resolve(ModelVariant.QUANTIZED.fileName(graph)));
            assertEquals(3.0 * eightBitBytes, saved, 0.05 * fp32Size, graph + ": bytes saved by " + eightBitBytes
                    + " bytes of 8-bit weights");
        }
    }

    private static void collect(GraphProto graph, List<NodeProto> into) {
        for (NodeProto node : graph.getNodeList()) {
            into.add(node);
            node.getAttributeList().stream().filter(a -> a.hasG()).forEach(a -> collect(a.getG(), into));
        }
    }

    @Test
    void logitsFollowTheFp32ModelWithinQuantizationError() throws OrtException {
        long[][][] batch = Models.padded(SOURCES);
        try (OrtSession.Result encoded32 = Models.encode(encoder32, batch[0], batch[1]);
             OrtSession.Result encoded8 = Models.encode(encoder8, batch[0], batch[1]);
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, batch[1]);
             KvDecoder fp32 = KvDecoder.merged(Models.ENV, decoder32, Models.hidden(encoded32), mask);
             KvDecoder int8 = KvDecoder.merged(Models.ENV, decoder8, Models.hidden(encoded8), mask)) {
            long[][] next = new long[SOURCES.length][];
            for (int r = 0; r < next.length; r++) {
                next[r] = new long[]{NllbDims.EOS};
            }
            int sameArgmax = 0;
            double worst = 0;
            StringBuilder report = new StringBuilder();
            for (int step = 0; step < STEPS; step++) {
                float[][][] expected = fp32.step(next);
                float[][][] actual = int8.step(next);
                for (int r = 0; r < next.length; r++) {
                    float[] e = expected[r][0];
                    float[] a = actual[r][0];
                    double error = relativeError(e, a);
                    worst = Math.max(worst, error);
                    report.append(String.format(" %.4f", error));
                    sameArgmax += Models.argmax(e) == Models.argmax(a) ? 1 : 0;
                    // Both models are fed the fp32 model's greedy tokens, so they stay on the same prefix.
                    next[r][0] = step == 0 ? DEU : Models.argmax(e);
                }
            }
            System.out.printf("int8 vs fp32 logits: worst relative error %.4f, same argmax %d/%d;%s%n", worst,
                    sameArgmax, STEPS * SOURCES.length, report);
            assertTrue(worst < MAX_RELATIVE_ERROR, "relative logit error " + worst + ":" + report);
            assertTrue(worst > 1e-4, "the quantized model must not be the fp32 one: " + worst);
            assertTrue(sameArgmax >= 0.9 * STEPS * SOURCES.length,
                    "same greedy token on " + sameArgmax + " of " + STEPS * SOURCES.length + " rows × steps");
        }
    }

    private static double relativeError(float[] expected, float[] actual) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (expected[i] - actual[i]) * (double) (expected[i] - actual[i]);
            norm += expected[i] * (double) expected[i];
        }
        return Math.sqrt(diff / norm);
    }
}
