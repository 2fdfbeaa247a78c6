package dev.sema.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sema.detection.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty, huge and odd inputs against the binary, and concurrent use of one model. */
class UnusualInputTest {

    private static FastTextModel model;
    private static Path modelFile;

    @TempDir
    Path work;

    @BeforeAll
    static void load() throws Exception {
        modelFile = SharedData.lid176();
        model = FastTextModel.load(modelFile);
    }

    @Test
    void oddLinesMatchTheBinary() throws Exception {
        FastTextCli.requireBinary();
        Map<String, List<String>> flores = SharedData.floresDev();
        StringBuilder huge = new StringBuilder();
        flores.values().forEach(s -> huge.append(s.get(7)).append(' '));
        List<String> lines = List.of(
                "", " ", "\t\u000b\f\r", "\u0000", "x\u0000y\u0000z",
                "😀", "😀 😂 🤣 👍🏽", "Hello 👋 world 🌍", "Ça va? Да, хорошо. 好的。 はい。 نعم",
                "Das ist ein Test mit English words and some русские слова",
                "__label__en", "__label__fr c'est la vie", "__label__nope hello there",
                "<", ">", "<>", "<s> </S> </s", "/s>",
                "\u0301\u0301 combining marks alone", "ﬁ ligature ＦＵＬＬＷＩＤＴＨ",
                "a".repeat(100_000), "word ".repeat(50_000), huge.toString().repeat(5));
        Agreement.assertAgrees(model, modelFile, lines, 5, work);
    }

    @Test
    void aLineEndsAtTheFirstNewlineLikeFastText() {
        assertEquals(model.predict("bonjour tout le monde", 3),
                model.predict("bonjour tout le monde\nhello world", 3));
    }

    @Test
    void aLiteralEndOfSentenceTokenEndsTheLineLikeFastText() {
        assertEquals(model.predict("", 3), model.predict("</s> bonjour tout le monde", 3));
        assertEquals(model.predict("bonjour tout le monde", 3), model.predict("bonjour tout le monde </s> hello", 3));
    }

    @Test
    void thresholdAndKLimitTheAnswer() {
        List<Prediction> all = model.predict("Guten Morgen, wie geht es dir?", 176);
        assertEquals(all.subList(0, 2), model.predict("Guten Morgen, wie geht es dir?", 2));
        float p = all.get(0).probability();
        assertEquals(all.stream().filter(x -> x.probability() >= 0.01f).count(),
                model.predict("Guten Morgen, wie geht es dir?", 176, 0.01f).size());
        assertEquals(1, model.predict("Guten Morgen, wie geht es dir?", 176, p * 0.999f).size());
        assertThrows(IllegalArgumentException.class, () -> model.predict("x", 0));
    }

    @Test
    void concurrentPredictionsEqualSequentialOnes() throws Exception {
        List<String> lines = new ArrayList<>();
        SharedData.floresDev().values().forEach(s -> lines.addAll(s.subList(0, 20)));
        List<List<Prediction>> sequential = lines.stream().map(l -> model.predict(l, 5)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Prediction>>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> lines.stream().map(l -> model.predict(l, 5)).toList()));
            }
            for (Future<List<List<Prediction>>> run : runs) {
                assertEquals(sequential, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
