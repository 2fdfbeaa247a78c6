package dev.sema.nllb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NllbModelFilesTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{}");
        }
    }

    private String failure(ModelVariant variant) {
        return assertThrows(NllbModelException.class, () -> NllbModelFiles.locate(dir, variant)).getMessage();
    }

    @Test
    void prefersTheMergedDecoder() throws IOException {
        touch("config.json", "sentencepiece.bpe.model", "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx",
                "onnx/decoder_model.onnx", "onnx/decoder_with_past_model.onnx");
        NllbModelFiles files = NllbModelFiles.locate(dir, ModelVariant.FP32);
        assertTrue(files.merged());
        assertEquals(dir.resolve("onnx/decoder_model_merged.onnx"), files.decoderMerged());
        assertNull(files.decoder());
        assertFalse(files.tokenizerJson().isPresent());
    }

    @Test
    void variantSelectsSuffixedFilesAndFallsBackToThePair() throws IOException {
        touch("config.json", "sentencepiece.bpe.model", "tokenizer.json", "onnx/encoder_model_quantized.onnx",
                "onnx/decoder_model_quantized.onnx", "onnx/decoder_with_past_model_quantized.onnx",
                "onnx/decoder_model_merged.onnx");
        NllbModelFiles files = NllbModelFiles.locate(dir, ModelVariant.parse("Quantized"));
        assertFalse(files.merged(), "the fp32 merged file must not be mixed into a quantized model");
        assertEquals(dir.resolve("onnx/decoder_with_past_model_quantized.onnx"), files.decoderWithPast());
        assertEquals(dir.resolve("onnx/encoder_model_quantized.onnx"), files.encoder());
        assertTrue(files.tokenizerJson().isPresent());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        touch("config.json", "onnx/decoder_model_merged_fp16.onnx");
        assertTrue(failure(ModelVariant.FP16).contains("sentencepiece.bpe.model"), failure(ModelVariant.FP16));
        touch("sentencepiece.bpe.model");
        assertTrue(failure(ModelVariant.FP16).contains("encoder_model_fp16.onnx"), failure(ModelVariant.FP16));
        assertTrue(failure(ModelVariant.FP32).contains("decoder_model_merged.onnx"), failure(ModelVariant.FP32));
        touch("onnx/encoder_model.onnx", "onnx/decoder_model.onnx");
        assertTrue(failure(ModelVariant.FP32).contains("decoder_with_past_model.onnx"), failure(ModelVariant.FP32));
        Files.delete(dir.resolve("config.json"));
        touch("onnx/decoder_with_past_model.onnx");
        assertTrue(failure(ModelVariant.FP32).contains("config.json"), failure(ModelVariant.FP32));
    }

    @Test
    void missingDirectoryIsNamed() {
        Path absent = dir.resolve("nope");
        String message = assertThrows(NllbModelException.class, () -> NllbModelFiles.locate(absent, ModelVariant.FP32))
                .getMessage();
        assertTrue(message.contains(absent.toString()), message);
    }

    @Test
    void unknownVariantIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelVariant.parse("int4"));
        assertTrue(e.getMessage().contains("int4") && e.getMessage().contains("quantized"), e.getMessage());
    }

    @Test
    void configErrorsNameTheFile() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"d_model\": 32, \"decoder_layers\": 2, \"decoder_attention_heads\": 5, \"vocab_size\": 9}");
        String message = assertThrows(NllbModelException.class, () -> NllbConfig.read(config)).getMessage();
        assertTrue(message.contains(config.toString()) && message.contains("decoder_attention_heads"), message);

        Files.writeString(config, "{\"d_model\": \"big\"}");
        message = assertThrows(NllbModelException.class, () -> NllbConfig.read(config)).getMessage();
        assertTrue(message.contains(config.toString()) && message.contains("d_model"), message);

        Files.writeString(config, "not json");
        message = assertThrows(NllbModelException.class, () -> NllbConfig.read(config)).getMessage();
        assertTrue(message.contains(config.toString()), message);
    }

    @Test
    void configAndGenerationDefaultsAreRead() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"d_model": 1024, "decoder_layers": 12, "decoder_attention_heads": 16, "vocab_size": 256206,
                 "max_position_embeddings": 1024, "decoder_start_token_id": 2, "max_length": 200}""");
        NllbConfig nllb = NllbConfig.read(config);
        assertEquals(new NllbConfig(1024, 12, 16, 256206, 1024), nllb);
        assertEquals(64, nllb.headDim());

        Path generation = dir.resolve("generation_config.json");
        assertEquals(new GenerationDefaults(2, 2, 1, 200), GenerationDefaults.read(generation, config));
        Files.writeString(generation, "{\"max_length\": 256, \"eos_token_id\": 2, \"pad_token_id\": 1}");
        assertEquals(256, GenerationDefaults.read(generation, config).maxLength());
    }
}
