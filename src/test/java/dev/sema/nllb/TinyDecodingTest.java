package dev.sema.nllb;

import ai.onnxruntime.OrtException;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding on the random-weight tiny NLLB: the KV-cached session must reproduce uncached decoding, the
 * merged graph the unmerged pair, and a reordered session the rows it was reordered from.
 */
class TinyDecodingTest {

    private static final float TOLERANCE = 1e-4f;
    private static final List<String> TEXTS = List.of("Hello world, how are you?", "Bonjour", "生活的真谛是 simple");

    private static NllbModel merged;
    private static NllbModel unmerged;

    @BeforeAll
    static void load() {
        merged = NllbModel.load(TestModels.tiny(), ModelVariant.FP32, OrtSettings.DEFAULT);
        unmerged = NllbModel.load(TestModels.tinyUnmerged(), ModelVariant.FP32, new OrtSettings(1, OrtSettings.parseOptLevel("basic"), true));
    }

    @AfterAll
    static void close() {
        merged.close();
        unmerged.close();
    }

    @AfterEach
    void noTensorLeft() {
        assertEquals(0, merged.liveTensors());
        assertEquals(0, unmerged.liveTensors());
    }

    private static EncodedBatch encode(NllbModel model) {
        return model.encode(TEXTS.stream().map(t -> model.tokenizer().encodeSource(t, "eng_Latn")).toList());
    }

    /** A fixed, row-dependent token history: the model is random, so its argmax would not be more telling. */
    private static long token(int row, int step) {
        return step == 0 ? NllbTokenizer.EOS : 4 + (37L * row + 101L * step) % 3000;
    }

    private static long[] tokens(int rows, int step) {
        long[] tokens = new long[rows];
        Arrays.setAll(tokens, r -> token(r, step));
        return tokens;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= TOLERANCE, what + ": max |difference| " + worst);
    }

    @Test
    void cachedDecodingEqualsRerunningTheWholePrefix() throws OrtException {
        checkAgainstUncached(merged, merged.files().decoderMerged());
        checkAgainstUncached(unmerged, unmerged.files().decoder());
    }

    private static void checkAgainstUncached(NllbModel model, java.nio.file.Path noPastGraph) throws OrtException {
        EncodedBatch batch = encode(model);
        int rows = batch.rows();
        float spread = 0;
        try (NllbDecoderSession session = model.startDecoding(batch, 1);
             ReferenceDecoder reference = new ReferenceDecoder(noPastGraph, model.config())) {
            for (int step = 0; step < 8; step++) {
                float[][] cached = session.step(tokens(rows, step));
                long[][] prefix = new long[rows][step + 1];
                for (int r = 0; r < rows; r++) {
                    for (int s = 0; s <= step; s++) {
                        prefix[r][s] = token(r, s);
                    }
                }
                float[][] uncached = reference.lastLogits(batch, prefix);
                for (int r = 0; r < rows; r++) {
                    assertClose(uncached[r], cached[r], noPastGraph.getFileName() + " step " + step + " row " + r);
                    spread = Math.max(spread, Math.abs(cached[r][10] - cached[r][20]));
                }
            }
        }
        assertTrue(spread > 1e-3, "logits vary, so the comparison means something");
    }

    @Test
    void mergedDecoderEqualsTheUnmergedPair() {
        assertTrue(merged.mergedDecoder());
        assertFalse(unmerged.mergedDecoder());
        try (NllbDecoderSession a = merged.startDecoding(encode(merged), 2);
             NllbDecoderSession b = unmerged.startDecoding(encode(unmerged), 2)) {
            for (int step = 0; step < 8; step++) {
                float[][] la = a.step(tokens(a.rows(), step));
                float[][] lb = b.step(tokens(b.rows(), step));
                for (int r = 0; r < a.rows(); r++) {
                    assertClose(la[r], lb[r], "step " + step + " row " + r);
                }
            }
        }
    }

    @Test
    void reorderedRowsContinueLikeTheRowsTheyCameFrom() {
        for (NllbModel model : List.of(merged, unmerged)) {
            checkReorder(model, new int[]{1, 0, 3, 2, 5, 5}, 3);    // beams reshuffled within their source
            checkReorder(model, new int[]{4, 0, 3}, 3);             // rows leave, sources reorder
            checkReorder(model, new int[]{2, 2, 2}, 3);             // one row copied
            checkReorder(model, new int[]{5, 1}, 0);                // before the first step
        }
    }

    /**
     * Two identical 2-beam sessions get the same tokens for {@code before} steps; then one is reordered and
     * both continue, the reordered one fed the tokens of the rows it now holds.
     */
    private static void checkReorder(NllbModel model, int[] order, int before) {
        EncodedBatch batch = encode(model);
        try (NllbDecoderSession original = model.startDecoding(batch, 2);
             NllbDecoderSession reordered = model.startDecoding(batch, 2)) {
            for (int step = 0; step < before; step++) {
                original.step(tokens(6, step));
                reordered.step(tokens(6, step));
            }
            reordered.reorder(order);
            assertEquals(order.length, reordered.rows());
            for (int i = 0; i < order.length; i++) {
                assertEquals(original.sources()[order[i]], reordered.sources()[i]);
            }
            for (int step = before; step < before + 4; step++) {
                long[] all = tokens(6, step);
                float[][] expected = original.step(all);
                float[][] actual = reordered.step(Arrays.stream(order).mapToLong(r -> all[r]).toArray());
                for (int i = 0; i < order.length; i++) {
                    assertClose(expected[order[i]], actual[i], "order " + Arrays.toString(order) + " step " + step + " row " + i);
                }
            }
        }
    }

    @Test
    void generationDefaultsComeFromTheModelDirectory() {
        assertEquals(2, merged.generationDefaults().decoderStartTokenId());
        assertEquals(2, merged.generationDefaults().eosTokenId());
        assertEquals(1, merged.generationDefaults().padTokenId());
        assertEquals(4206, merged.config().vocabSize());
        assertEquals(4047, merged.tokenizer().languageId("eng_Latn"));
    }
}
