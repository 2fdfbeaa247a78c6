package dev.sema.testmodels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The echo model, driven like real NLLB (forced target language, KV cache), translates text into itself. */
class EchoModelTest {
    private static final NllbDims DIMS = NllbDims.echo(ModelFiles.SPM_SIZE);
    private static final long ENG = DIMS.languageId(ModelFiles.languages().indexOf("eng_Latn"));
    private static final long FRA = DIMS.languageId(ModelFiles.languages().indexOf("fra_Latn"));
    private static final long LAST_PIECE = ModelFiles.SPM_SIZE;

    private static OrtSession encoder;
    private static OrtSession decoder;

    @BeforeAll
    static void open() throws OrtException {
        encoder = Models.open(TestModels.echo(), NllbExport.ENCODER);
        decoder = Models.open(TestModels.echo(), NllbExport.DECODER_MERGED);
    }

    @AfterAll
    static void close() throws OrtException {
        decoder.close();
        encoder.close();
    }

    @Test
    void copiesASingleSource() throws OrtException {
        long[] source = {ENG, 500, 17, LAST_PIECE, 4, 4, 2};
        List<long[]> out = greedy(new long[][]{source}, new long[][]{ones(source.length)}, FRA, 50);
        assertArrayEquals(new long[]{FRA, 500, 17, LAST_PIECE, 4, 4, 2}, out.get(0));
        assertEquals(ENG, source[0], "sanity: eng_Latn id follows spm_size + 1 + index");
    }

    @Test
    void copiesEveryRowOfARightPaddedBatch() throws OrtException {
        long[][] sources = {
                {ENG, 10, 11, 12, 13, 14, 15, 16, 2},
                {ENG, 3999, 2},
                {FRA, 2200, 37, 38, 2},
        };
        long[][][] batch = Models.padded(sources);
        List<long[]> out = greedy(batch[0], batch[1], FRA, 50);
        for (int b = 0; b < sources.length; b++) {
            long[] expected = sources[b].clone();
            expected[0] = FRA;
            assertArrayEquals(expected, out.get(b), "row " + b);
        }
    }

    @Test
    void seedingTheDecoderWithStartAndTargetLanguageIsEquivalent() throws OrtException {
        long[][] ids = {{ENG, 900, 901, 2}};
        try (OrtSession.Result encoded = Models.encode(encoder, ids, new long[][]{ones(4)});
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, new long[][]{ones(4)});
             KvDecoder dec = KvDecoder.merged(Models.ENV, decoder, Models.hidden(encoded), mask)) {
            float[][][] logits = dec.step(new long[][]{{2, FRA}});
            assertEquals(900, Models.argmax(logits[0][1]));
            assertEquals(901, Models.argmax(dec.step(new long[][]{{900}})[0][0]));
            assertEquals(2, Models.argmax(dec.step(new long[][]{{901}})[0][0]));
            assertEquals(4, dec.present("present.1.decoder.value").getInfo().getShape()[2], "KV grew to 4");
        }
    }

    @Test
    void dependsOnTheFirstStepsEncoderCache() throws OrtException {
        // Feeding the cached branch's empty constant present.*.encoder.* back (a classic engine bug) must not echo.
        long[][] ids = {{ENG, 700, 701, 2}};
        try (OrtSession.Result encoded = Models.encode(encoder, ids, new long[][]{ones(4)});
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, new long[][]{ones(4)});
             KvDecoder dec = KvDecoder.merged(Models.ENV, decoder, Models.hidden(encoded), mask)) {
            dec.step(new long[][]{{2}});
            assertEquals(700, Models.argmax(dec.step(new long[][]{{FRA}})[0][0]));
            assertEquals(4, dec.present("present.0.encoder.key").getInfo().getShape()[2], "first step keeps the real encoder KV");
            float[][][] wrong = stepWithStaleEncoderKv(dec, 700);
            boolean echoed = wrong.length == 1 && Models.argmax(wrong[0][0]) == 701;
            assertFalse(echoed, "echo survived an empty encoder KV: the model does not read the cache");
        }
    }

    /**
     * One more cached step built by hand: decoder KV from the last step, but every encoder KV replaced by the
     * cached branch's empty constant [0, H, 1, Dh]. Returns the logits, or none when ORT rejects the inputs.
     */
    private static float[][][] stepWithStaleEncoderKv(KvDecoder dec, long token) throws OrtException {
        try (OnnxTensor ids = OnnxTensor.createTensor(Models.ENV, new long[][]{{token}});
             OnnxTensor flag = OnnxTensor.createTensor(Models.ENV, new boolean[]{true});
             OnnxTensor empty = OnnxTensor.createTensor(Models.ENV, FloatBuffer.allocate(0),
                     new long[]{0, DIMS.heads(), 1, DIMS.headDim()});
             OnnxTensor mask = OnnxTensor.createTensor(Models.ENV, new long[][]{ones(4)});
             OnnxTensor hidden = OnnxTensor.createTensor(Models.ENV, FloatBuffer.allocate(4 * DIMS.dModel()),
                     new long[]{1, 4, DIMS.dModel()})) {
            Map<String, OnnxTensor> in = new HashMap<>(Map.of("input_ids", ids, "use_cache_branch", flag,
                    "encoder_attention_mask", mask, "encoder_hidden_states", hidden));
            for (int i = 0; i < DIMS.decoderLayers(); i++) {
                for (String kind : List.of("decoder.key", "decoder.value")) {
                    in.put("past_key_values." + i + "." + kind, dec.present("present." + i + "." + kind));
                }
                for (String kind : List.of("encoder.key", "encoder.value")) {
                    in.put("past_key_values." + i + "." + kind, empty);
                }
            }
            try (OrtSession.Result result = decoder.run(in)) {
                return (float[][][]) result.get("logits").orElseThrow().getValue();
            } catch (OrtException rejected) {
                return new float[0][][];
            }
        }
    }

    /** Greedy decoding as the research note prescribes: start [2], force {@code target} at step 0, stop on 2. */
    static List<long[]> greedy(long[][] ids, long[][] mask, long target, int maxSteps) throws OrtException {
        int batch = ids.length;
        List<List<Long>> out = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            out.add(new ArrayList<>());
        }
        try (OrtSession.Result encoded = Models.encode(encoder, ids, mask);
             OnnxTensor maskTensor = OnnxTensor.createTensor(Models.ENV, mask);
             KvDecoder dec = KvDecoder.merged(Models.ENV, decoder, Models.hidden(encoded), maskTensor)) {
            long[][] next = new long[batch][1];
            for (long[] row : next) {
                row[0] = NllbDims.EOS;
            }
            boolean[] done = new boolean[batch];
            for (int step = 0; step < maxSteps; step++) {
                float[][][] logits = dec.step(next);
                boolean all = true;
                for (int b = 0; b < batch; b++) {
                    long token = done[b] ? NllbDims.PAD : step == 0 ? target : Models.argmax(logits[b][0]);
                    if (!done[b]) {
                        out.get(b).add(token);
                        done[b] = token == NllbDims.EOS;
                    }
                    next[b][0] = token;
                    all &= done[b];
                }
                if (all) {
                    break;
                }
            }
        }
        return out.stream().map(l -> l.stream().mapToLong(Long::longValue).toArray()).toList();
    }

    private static long[] ones(int n) {
        long[] a = new long[n];
        Arrays.fill(a, 1);
        return a;
    }
}
