package dev.sema.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ModelFingerprintTest {

    private static final List<String> FILES = List.of("config.json", "onnx/model.onnx", "tokenizer.json");

    @TempDir
    Path dir;

    @Test
    void equalFilesAgreeWhereverTheyLieAndWhenEverTheyWereWritten() throws IOException {
        Path a = folder("a", "{}", new byte[3 << 20], null);
        Path b = folder("b", "{}", new byte[3 << 20], null);
        Files.setLastModifiedTime(b.resolve("config.json"), Files.getLastModifiedTime(a.resolve("config.json")));
        assertEquals(ModelFingerprint.of(a, FILES), ModelFingerprint.of(b, FILES));
        assertEquals(ModelFingerprint.of(a, FILES), ModelFingerprint.of(a, List.of("tokenizer.json",
                "onnx/model.onnx", "config.json")), "the order files are named in does not count");
    }

    @Test
    void anyChangedByteOrFileGivesAnotherIdentity() throws IOException {
        byte[] weights = new byte[3 << 20];
        String original = ModelFingerprint.of(folder("original", "{}", weights, null), FILES);
        byte[] tuned = weights.clone();
        tuned[(3 << 20) / 2 + 7] = 1; // in the middle, where no header or sampled block would look
        assertNotEquals(original, ModelFingerprint.of(folder("tuned", "{}", tuned, null), FILES));
        assertNotEquals(original, ModelFingerprint.of(folder("config", "{ }", weights, null), FILES));
        assertNotEquals(original, ModelFingerprint.of(folder("extra", "{}", weights, "{}"), FILES),
                "an optional file that appears counts");
    }

    private Path folder(String name, String config, byte[] weights, String tokenizer) throws IOException {
        Path model = Files.createDirectories(dir.resolve(name).resolve("onnx")).getParent();
        Files.writeString(model.resolve("config.json"), config);
        Files.write(model.resolve("onnx/model.onnx"), weights);
        if (tokenizer != null) {
            Files.writeString(model.resolve("tokenizer.json"), tokenizer);
        }
        return model;
    }
}
