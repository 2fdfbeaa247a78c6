package dev.sema.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.detection.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real lid.176.ftz on every FLORES-200 dev sentence of all 204 languages, against the fastText binary. */
class Lid176AgreementTest {

    @TempDir
    Path work;

    @Test
    void everyFloresDevSentenceMatchesTheBinary() throws Exception {
        FastTextCli.requireBinary();
        Path modelFile = SharedData.lid176();
        Map<String, List<String>> flores = SharedData.floresDev();
        List<String> lines = new ArrayList<>();
        flores.values().forEach(lines::addAll);
        assertEquals(204, flores.size(), "FLORES-200 dev languages");

        FastTextModel model = FastTextModel.load(modelFile);
        assertEquals(176, model.labels().size());
        assertTrue(model.quantized() && !model.quantizedOutput());
        assertEquals(FastTextArgs.Loss.HS, model.args().loss());

        int compared = Agreement.assertAgrees(model, modelFile, lines, 5, work);
        assertEquals(204 * 997, compared);
    }

    @Test
    void researchNoteVectors() throws Exception {
        FastTextModel model = FastTextModel.load(SharedData.lid176());
        List<Prediction> p = model.predict("Hello, world!", 3);
        assertEquals(List.of("en", "ca", "de"), p.stream().map(Prediction::label).toList());
        assertEquals(0.1245, p.get(0).probability(), 1e-3);
        assertEquals("ja", model.predict("これはテストです。", 5).get(0).label());
        // fasttext predict-prob prints only 4 labels here: the hs search prunes paths below log(1e-5)
        List<Prediction> zh = model.predict("这是一个测试句子。", 5);
        assertEquals(List.of("zh", "wuu", "ja", "sr"), zh.stream().map(Prediction::label).toList());
    }
}
