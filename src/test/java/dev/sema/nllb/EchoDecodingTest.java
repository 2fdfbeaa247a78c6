package dev.sema.nllb;

import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The echo model copies its source, so decoding through {@link NllbDecoderSession} must return the source. */
class EchoDecodingTest {

    private static NllbModel model;

    @BeforeAll
    static void load() {
        model = NllbModel.load(TestModels.echo(), ModelVariant.FP32, new OrtSettings(1, OrtSettings.parseOptLevel("all"), true));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
            model.close();
        }
    }

    @AfterEach
    void noTensorLeft() {
        assertEquals(0, model.liveTensors(), "every native tensor is closed once sessions are closed");
    }

    /** {@code [tgt] + pieces + [</s>]}: what the echo model must produce for {@code text}. */
    private static long[] expected(String text, String target) {
        long[] pieces = model.tokenizer().encodePieces(text);
        long[] out = new long[pieces.length + 2];
        out[0] = model.tokenizer().languageId(target);
        System.arraycopy(pieces, 0, out, 1, pieces.length);
        out[out.length - 1] = NllbTokenizer.EOS;
        return out;
    }

    private static EncodedBatch encode(List<String> texts) {
        return model.encode(texts.stream().map(t -> model.tokenizer().encodeSource(t, "eng_Latn")).toList());
    }

    @Test
    void batchOfOneEchoesTheSource() {
        String text = "The quick brown fox jumps over the lazy dog.";
        long fra = model.tokenizer().languageId("fra_Latn");
        try (NllbDecoderSession session = model.startDecoding(encode(List.of(text)), 1)) {
            assertEquals(1, session.rows());
            assertEquals(model.config().vocabSize(), session.vocabSize());
            long[] out = GreedyLoop.decode(session, fra, 100).get(0);
            assertArrayEquals(expected(text, "fra_Latn"), out);
            assertEquals(text, model.tokenizer().decode(out));
        }
    }

    @Test
    void paddedBatchEchoesEverySource() {
        List<String> texts = List.of("Hello world", "A much longer sentence, with punctuation and 😀 emoji!",
                "生活的真谛是", "x");
        long deu = model.tokenizer().languageId("deu_Latn");
        try (NllbDecoderSession session = model.startDecoding(encode(texts), 1)) {
            List<long[]> out = GreedyLoop.decode(session, deu, 100);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(expected(texts.get(i), "deu_Latn"), out.get(i), "row " + i);
                assertEquals(texts.get(i), model.tokenizer().decode(out.get(i)));
            }
        }
    }

    @Test
    void finishedRowsLeavingThroughReorderDoNotDisturbTheOthers() {
        List<String> texts = List.of("short", "a somewhat longer source text", "middle length one");
        long spa = model.tokenizer().languageId("spa_Latn");
        try (NllbDecoderSession session = model.startDecoding(encode(texts), 1)) {
            List<long[]> out = GreedyLoop.decodeDroppingFinished(session, spa, 100);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(expected(texts.get(i), "spa_Latn"), out.get(i), "row " + i);
            }
            assertEquals(0, session.rows());
        }
    }

    @Test
    void beamExpansionRepeatsEachSource() {
        List<String> texts = List.of("first source", "second one here");
        EncodedBatch batch = encode(texts);
        try (NllbDecoderSession session = model.startDecoding(batch, 3)) {
            assertEquals(6, session.rows());
            assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1}, session.sources());
            List<long[]> out = GreedyLoop.decode(session, model.tokenizer().languageId("ita_Latn"), 100);
            for (int row = 0; row < 6; row++) {
                assertArrayEquals(expected(texts.get(row / 3), "ita_Latn"), out.get(row), "row " + row);
            }
        }
    }

    @Test
    void stepRejectsTheWrongNumberOfTokens() {
        try (NllbDecoderSession session = model.startDecoding(encode(List.of("a", "b")), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> session.step(new long[]{2}));
            assertTrue(e.getMessage().contains("2 rows"), e.getMessage());
            session.close();
            assertThrows(IllegalStateException.class, () -> session.step(new long[]{2, 2}));
        }
    }

    @Test
    void concurrentDecodingSessionsShareOneModel() throws Exception {
        List<String> texts = List.of("one thread", "another thread's text", "生活的真谛是", "le quatrième");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String text : texts) {
                    results.add(pool.submit(() -> {
                        try (NllbDecoderSession session = model.startDecoding(encode(List.of(text)), 1)) {
                            return GreedyLoop.decode(session, model.tokenizer().languageId("por_Latn"), 100).get(0);
                        }
                    }));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected(texts.get(i % texts.size()), "por_Latn"), results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void invalidSourcesAreRejectedBeforeTheEncoderRuns() {
        assertThrows(IllegalArgumentException.class, () -> model.encode(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> model.encode(List.of(new long[]{5, 2}, new long[0])));
        long[] tooLong = new long[model.config().maxPositions() + 1];
        Arrays.fill(tooLong, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.encode(List.of(tooLong)));
        assertTrue(e.getMessage().contains(String.valueOf(model.config().maxPositions())), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.startDecoding(encode(List.of("x")), 0));
    }

    @Test
    void mergedDecoderIsUsed() {
        assertTrue(model.mergedDecoder());
        assertTrue(Arrays.stream(model.tokenizer().encodeSource("hi", "eng_Latn")).allMatch(id -> id < model.config().vocabSize()));
    }
}
