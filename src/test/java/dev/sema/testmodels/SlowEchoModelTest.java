package dev.sema.testmodels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nllb-echo-slow computes exactly what nllb-echo does, only at a cost per row and decoder run. */
class SlowEchoModelTest {
    private static final NllbDims DIMS = NllbDims.echo(ModelFiles.SPM_SIZE);
    private static final long ENG = DIMS.languageId(ModelFiles.languages().indexOf("eng_Latn"));
    private static final long FRA = DIMS.languageId(ModelFiles.languages().indexOf("fra_Latn"));

    @Test
    void echoesWithLogitsIdenticalToTheFastEcho() throws OrtException {
        long[] source = {ENG, 500, 17, 3999, 4, 4, 2};
        Run fast = greedy(TestModels.echo(), source);
        Run slow = greedy(TestModels.echoSlow(), source);
        assertArrayEquals(new long[]{FRA, 500, 17, 3999, 4, 4, 2}, slow.tokens());
        assertEquals(fast.logits().size(), slow.logits().size());
        for (int i = 0; i < fast.logits().size(); i++) {
            assertArrayEquals(fast.logits().get(i), slow.logits().get(i), "logits of step " + i);
        }
    }

    @Test
    void everyRowOfEveryDecoderRunCostsMeasurablyMore() throws OrtException {
        long[] source = new long[42];
        source[0] = ENG;
        for (int i = 1; i < source.length - 1; i++) {
            source[i] = 100 + i;
        }
        source[source.length - 1] = NllbDims.EOS;
        greedy(TestModels.echo(), source); // warm-up: first runs pay for allocation
        greedy(TestModels.echoSlow(), source);
        Run fast = greedy(TestModels.echo(), source);
        Run slow = greedy(TestModels.echoSlow(), source);
        Run slowRows = greedy(TestModels.echoSlow(), source, 8);
        assertArrayEquals(fast.tokens(), slow.tokens());
        assertArrayEquals(slow.tokens(), slowRows.tokens());
        double fastMs = fast.nanos() / 1e6 / fast.logits().size();
        double slowMs = slow.nanos() / 1e6 / slow.logits().size();
        double slowRowsMs = slowRows.nanos() / 1e6 / slowRows.logits().size();
        System.out.printf("decoder run: nllb-echo %.2f ms, nllb-echo-slow %.2f ms (1 row), %.2f ms (8 rows)%n",
                fastMs, slowMs, slowRowsMs);
        // Sanity checks that the dead work survived ORT's optimiser and grows with the rows, not performance claims.
        assertTrue(slowMs > 3 * fastMs, "slow " + slowMs + " ms vs fast " + fastMs + " ms per run");
        assertTrue(slowRowsMs > 2 * slowMs, "8 rows " + slowRowsMs + " ms vs 1 row " + slowMs + " ms per run");
    }

    private record Run(long[] tokens, List<float[]> logits, long nanos) {
    }

    private static Run greedy(Path model, long[] source) throws OrtException {
        return greedy(model, source, 1);
    }

    /**
     * Greedy decoding of {@code rows} copies of one source (start token 2, target forced at step 0), timing the
     * decoder runs only; the tokens and logits are row 0's.
     */
    private static Run greedy(Path model, long[] source, int rows) throws OrtException {
        long[] mask = new long[source.length];
        Arrays.fill(mask, 1);
        long[][] sources = new long[rows][];
        long[][] masks = new long[rows][];
        Arrays.fill(sources, source);
        Arrays.fill(masks, mask);
        List<Long> tokens = new ArrayList<>();
        List<float[]> logits = new ArrayList<>();
        long nanos = 0;
        try (OrtSession encoder = Models.open(model, NllbExport.ENCODER);
             OrtSession decoder = Models.open(model, NllbExport.DECODER_MERGED);
             OrtSession.Result encoded = Models.encode(encoder, sources, masks);
             OnnxTensor maskTensor = OnnxTensor.createTensor(Models.ENV, masks);
             KvDecoder dec = KvDecoder.merged(Models.ENV, decoder, Models.hidden(encoded), maskTensor)) {
            long next = NllbDims.EOS;
            for (int step = 0; step < source.length + 5; step++) {
                long[][] input = new long[rows][];
                Arrays.fill(input, new long[]{next});
                long start = System.nanoTime();
                float[] row = dec.step(input)[0][0];
                nanos += System.nanoTime() - start;
                logits.add(row);
                next = step == 0 ? FRA : Models.argmax(row);
                tokens.add(next);
                if (next == NllbDims.EOS) {
                    break;
                }
            }
        }
        return new Run(tokens.stream().mapToLong(Long::longValue).toArray(), logits, nanos);
    }
}
