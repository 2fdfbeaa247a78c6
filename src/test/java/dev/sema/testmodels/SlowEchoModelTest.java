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

/** nllb-echo-slow computes exactly what nllb-echo does, only at a cost per decoder run. */
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
    void everyDecoderRunCostsMeasurablyMore() throws OrtException {
        long[] source = new long[42];
        source[0] = ENG;
        for (int i = 1; i < source.length - 1; i++) {
            source[i] = 100 + i;
        }
        source[source.length - 1] = NllbDims.EOS;
        greedy(TestModels.echo(), source); // warm-up: first runs pay for allocation
        Run fast = greedy(TestModels.echo(), source);
        Run slow = greedy(TestModels.echoSlow(), source);
        assertArrayEquals(fast.tokens(), slow.tokens());
        double fastMs = fast.nanos() / 1e6 / fast.logits().size();
        double slowMs = slow.nanos() / 1e6 / slow.logits().size();
        System.out.printf("decoder run: nllb-echo %.2f ms, nllb-echo-slow %.2f ms%n", fastMs, slowMs);
        // A sanity check that the dead work survived ORT's optimiser, not a performance claim.
        assertTrue(slowMs > 3 * fastMs && slowMs > 2, "slow " + slowMs + " ms vs fast " + fastMs + " ms per run");
    }

    private record Run(long[] tokens, List<float[]> logits, long nanos) {
    }

    /** Greedy decoding of one source (start token 2, target forced at step 0), timing the decoder runs only. */
    private static Run greedy(Path model, long[] source) throws OrtException {
        long[] mask = new long[source.length];
        Arrays.fill(mask, 1);
        List<Long> tokens = new ArrayList<>();
        List<float[]> logits = new ArrayList<>();
        long nanos = 0;
        try (OrtSession encoder = Models.open(model, NllbExport.ENCODER);
             OrtSession decoder = Models.open(model, NllbExport.DECODER_MERGED);
             OrtSession.Result encoded = Models.encode(encoder, new long[][]{source}, new long[][]{mask});
             OnnxTensor maskTensor = OnnxTensor.createTensor(Models.ENV, new long[][]{mask});
             KvDecoder dec = KvDecoder.merged(Models.ENV, decoder, Models.hidden(encoded), maskTensor)) {
            long next = NllbDims.EOS;
            for (int step = 0; step < source.length + 5; step++) {
                long start = System.nanoTime();
                float[] row = dec.step(new long[][]{{next}})[0][0];
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
