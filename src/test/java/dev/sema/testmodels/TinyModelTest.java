package dev.sema.testmodels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The random NLLB transformer is self-consistent: merged = unmerged, cached = full prefix, padding-invariant. */
class TinyModelTest {
    private static final NllbDims DIMS = NllbDims.tiny(ModelFiles.SPM_SIZE);
    private static final long ENG = DIMS.languageId(ModelFiles.languages().indexOf("eng_Latn"));
    private static final long DEU = DIMS.languageId(ModelFiles.languages().indexOf("deu_Latn"));
    private static final long[][] SOURCES = {
            {ENG, 120, 1500, 33, 2790, 9, 2},
            {ENG, 3001, 2},
    };
    private static final int STEPS = 6;

    private static OrtSession encoder;
    private static OrtSession merged;
    private static OrtSession noPast;
    private static OrtSession withPast;

    @BeforeAll
    static void open() throws OrtException {
        encoder = Models.open(TestModels.tiny(), NllbExport.ENCODER);
        merged = Models.open(TestModels.tiny(), NllbExport.DECODER_MERGED);
        noPast = Models.open(TestModels.tinyUnmerged(), NllbExport.DECODER);
        withPast = Models.open(TestModels.tinyUnmerged(), NllbExport.DECODER_WITH_PAST);
    }

    @AfterAll
    static void close() throws OrtException {
        Models.close(withPast, noPast, merged, encoder);
    }

    @Test
    void mergedAndUnmergedDecodersGiveTheSameLogits() throws OrtException {
        long[][][] batch = Models.padded(SOURCES);
        try (OrtSession.Result encoded = Models.encode(encoder, batch[0], batch[1]);
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, batch[1]);
             KvDecoder a = KvDecoder.merged(Models.ENV, merged, Models.hidden(encoded), mask);
             KvDecoder b = KvDecoder.unmerged(Models.ENV, noPast, withPast, Models.hidden(encoded), mask)) {
            long[][] next = {{2}, {2}};
            for (int step = 0; step < STEPS; step++) {
                float[][][] la = a.step(next);
                float[][][] lb = b.step(next);
                assertEquals(DIMS.vocabSize(), la[0][0].length);
                assertClose(la, lb, 1e-5f, "step " + step);
                for (int r = 0; r < next.length; r++) {
                    next[r][0] = step == 0 ? DEU : Models.argmax(la[r][0]);
                }
            }
        }
    }

    @Test
    void cachedStepsMatchTheWholePrefixWithoutPast() throws OrtException {
        long[][][] batch = Models.padded(SOURCES);
        try (OrtSession.Result encoded = Models.encode(encoder, batch[0], batch[1]);
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, batch[1])) {
            List<long[]> prefix = new ArrayList<>();
            List<float[][]> cachedLogits = new ArrayList<>();
            try (KvDecoder cached = KvDecoder.merged(Models.ENV, merged, Models.hidden(encoded), mask)) {
                long[][] next = {{2}, {2}};
                for (int step = 0; step < STEPS; step++) {
                    prefix.add(new long[]{next[0][0], next[1][0]});
                    float[][][] logits = cached.step(next);
                    cachedLogits.add(new float[][]{logits[0][0], logits[1][0]});
                    for (int r = 0; r < 2; r++) {
                        next[r][0] = step == 0 ? DEU : Models.argmax(logits[r][0]);
                    }
                }
            }
            long[][] whole = new long[2][STEPS];
            for (int t = 0; t < STEPS; t++) {
                whole[0][t] = prefix.get(t)[0];
                whole[1][t] = prefix.get(t)[1];
            }
            for (boolean useMerged : new boolean[]{true, false}) {
                try (KvDecoder full = useMerged ? KvDecoder.merged(Models.ENV, merged, Models.hidden(encoded), mask)
                        : KvDecoder.unmerged(Models.ENV, noPast, withPast, Models.hidden(encoded), mask)) {
                    float[][][] logits = full.step(whole);
                    for (int t = 0; t < STEPS; t++) {
                        assertClose(new float[][][]{{logits[0][t]}, {logits[1][t]}},
                                new float[][][]{{cachedLogits.get(t)[0]}, {cachedLogits.get(t)[1]}}, 1e-4f,
                                (useMerged ? "merged" : "decoder_model") + " position " + t);
                    }
                }
            }
        }
    }

    @Test
    void rightPaddingDoesNotChangeARowsLogits() throws OrtException {
        long[][] prefix = {{2, DEU, 77}};
        float[][][] alone = firstStep(new long[][]{SOURCES[1]}, prefix);
        float[][][] inBatch = firstStep(SOURCES, new long[][]{prefix[0], prefix[0]});
        assertClose(new float[][][]{alone[0]}, new float[][][]{inBatch[1]}, 1e-4f, "padded row");
        float spread = 0;
        for (int t = 0; t < 3; t++) {
            for (int v = 0; v < DIMS.vocabSize(); v++) {
                spread = Math.max(spread, Math.abs(inBatch[0][t][v] - inBatch[1][t][v]));
            }
        }
        assertTrue(spread > 1e-2f, "different sources must give different logits, spread " + spread);
    }

    private static float[][][] firstStep(long[][] sources, long[][] decoderIds) throws OrtException {
        long[][][] batch = Models.padded(sources);
        try (OrtSession.Result encoded = Models.encode(encoder, batch[0], batch[1]);
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, batch[1]);
             KvDecoder dec = KvDecoder.merged(Models.ENV, merged, Models.hidden(encoded), mask)) {
            return dec.step(decoderIds);
        }
    }

    private static void assertClose(float[][][] expected, float[][][] actual, float tolerance, String where) {
        assertEquals(expected.length, actual.length, where);
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b].length, actual[b].length, where);
            for (int t = 0; t < expected[b].length; t++) {
                for (int v = 0; v < expected[b][t].length; v++) {
                    float diff = Math.abs(expected[b][t][v] - actual[b][t][v]);
                    if (!(diff <= tolerance)) {
                        throw new AssertionError(where + ": logits[" + b + "][" + t + "][" + v + "] "
                                + expected[b][t][v] + " vs " + actual[b][t][v]);
                    }
                }
            }
        }
    }
}
