package dev.sema.nllb;

import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading real (generated) model directories whose files disagree: the error names the file at fault. */
class NllbModelLoadTest {

    @TempDir
    Path dir;

    private Path copyOf(Path model) throws IOException {
        Path copy = Files.createTempDirectory(dir, "model").resolve(model.getFileName());
        try (Stream<Path> files = Files.walk(model)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(model.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** Loads {@code model} after replacing {@code "key": old} in its config.json; returns the error message. */
    private String loadWithConfig(Path model, String key, int value) throws IOException {
        Path copy = copyOf(model);
        Path config = copy.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceAll("\"" + key + "\": \\d+", "\"" + key + "\": " + value));
        return assertThrows(NllbModelException.class, () -> NllbModel.load(copy, ModelVariant.FP32, OrtSettings.DEFAULT))
                .getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }

    @Test
    void kvHeadCountDisagreeingWithConfigIsNamed() throws IOException {
        assertMentions(loadWithConfig(TestModels.tiny(), "decoder_attention_heads", 8),
                "decoder_model_merged.onnx", "past_key_values.0.decoder.key", "decoder_attention_heads = 8");
    }

    @Test
    void moreLayersInConfigThanInTheGraphNamesTheMissingTensor() throws IOException {
        assertMentions(loadWithConfig(TestModels.tiny(), "decoder_layers", 3),
                "decoder_model_merged.onnx", "past_key_values.2.decoder.key");
        assertMentions(loadWithConfig(TestModels.tinyUnmerged(), "decoder_layers", 3),
                "decoder_model.onnx", "present.2.decoder.key");
    }

    @Test
    void fewerLayersInConfigThanInTheGraphIsNamed() throws IOException {
        assertMentions(loadWithConfig(TestModels.tiny(), "decoder_layers", 1),
                "decoder_model_merged.onnx", "past_key_values.1.", "decoder_layers = 1");
    }

    @Test
    void vocabularyAndWidthDisagreementsAreNamed() throws IOException {
        assertMentions(loadWithConfig(TestModels.tiny(), "vocab_size", 5000), "decoder_model_merged.onnx", "logits", "5000");
        assertMentions(loadWithConfig(TestModels.tiny(), "d_model", 64), "encoder_model.onnx", "d_model = 64");
    }

    @Test
    void vocabularySmallerThanTheTokenizerIsNamed() throws IOException {
        assertMentions(loadWithConfig(TestModels.tiny(), "vocab_size", 4100), "config.json", "vocab_size 4100",
                "sentencepiece.bpe.model");
    }

    @Test
    void corruptGraphIsNamed() throws IOException {
        Path copy = copyOf(TestModels.tinyUnmerged());
        Files.writeString(copy.resolve("onnx/decoder_with_past_model.onnx"), "not a protobuf");
        assertMentions(assertThrows(NllbModelException.class,
                () -> NllbModel.load(copy, ModelVariant.FP32, OrtSettings.DEFAULT)).getMessage(),
                "decoder_with_past_model.onnx");
    }

    @Test
    void missingGraphIsNamed() throws IOException {
        Path copy = copyOf(TestModels.tinyUnmerged());
        Files.delete(copy.resolve("onnx/decoder_with_past_model.onnx"));
        assertMentions(assertThrows(NllbModelException.class,
                () -> NllbModel.load(copy, ModelVariant.FP32, OrtSettings.DEFAULT)).getMessage(),
                "decoder_with_past_model.onnx");
    }

    @Test
    void sessionsAreClosedAndModelRefusesWorkAfterClose() {
        NllbModel model = NllbModel.load(TestModels.echo(), ModelVariant.FP32, OrtSettings.DEFAULT);
        model.close();
        model.close();
        assertThrows(IllegalStateException.class, () -> model.encode(java.util.List.of(new long[]{4047, 5, 2})));
        assertEquals(0, model.liveTensors());
    }
}
