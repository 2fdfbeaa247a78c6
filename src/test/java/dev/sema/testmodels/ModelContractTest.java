package dev.sema.testmodels;

import ai.onnxruntime.OrtSession;
import dev.sema.nllb.ModelVariant;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generated file has the research note's tensor contract (§2.2: names, order, dtypes, dimension names)
 * and the config files agree with the graphs and with NLLB's token arithmetic (§3).
 */
class ModelContractTest {

    enum Model {
        ECHO(TestModels::echo, ModelVariant.FP32, MERGED),
        TINY(TestModels::tiny, ModelVariant.FP32, MERGED),
        TINY_UNMERGED(TestModels::tinyUnmerged, ModelVariant.FP32, UNMERGED),
        TINY_QUANTIZED(TestModels::tiny, ModelVariant.QUANTIZED, MERGED),
        TINY_UNMERGED_QUANTIZED(TestModels::tinyUnmerged, ModelVariant.QUANTIZED, UNMERGED);

        final java.util.function.Supplier<Path> dir;
        final ModelVariant variant;
        final List<String> files;

        Model(java.util.function.Supplier<Path> dir, ModelVariant variant, List<String> files) {
            this.dir = dir;
            this.variant = variant;
            this.files = files;
        }
    }

    private static final List<String> MERGED = List.of(NllbExport.ENCODER, NllbExport.DECODER_MERGED);
    private static final List<String> UNMERGED =
            List.of(NllbExport.ENCODER, NllbExport.DECODER, NllbExport.DECODER_WITH_PAST);

    @ParameterizedTest
    @EnumSource(Model.class)
    void filesMatchTheOptimumContract(Model model) throws Exception {
        Path dir = model.dir.get();
        Map<String, Object> config = json(dir.resolve("config.json"));
        int d = number(config, "d_model");
        int heads = number(config, "decoder_attention_heads");
        int layers = number(config, "decoder_layers");
        int vocab = number(config, "vocab_size");
        assertEquals("m2m_100", config.get("model_type"));
        assertEquals(ModelFiles.SPM_SIZE + 206, vocab, "vocab_size = spm pieces + 1 + 202 languages + <mask> + 2");
        assertEquals(Boolean.TRUE, config.get("scale_embedding"));
        assertEquals(2, number(config, "decoder_start_token_id"));

        Map<String, Object> generation = json(dir.resolve("generation_config.json"));
        assertEquals(List.of(2, 2, 1, 0, 200), List.of(number(generation, "decoder_start_token_id"),
                number(generation, "eos_token_id"), number(generation, "pad_token_id"),
                number(generation, "bos_token_id"), number(generation, "max_length")));
        List<?> codes = (List<?>) json(dir.resolve("special_tokens_map.json")).get("additional_special_tokens");
        assertEquals(202, codes.size());
        assertEquals("eng_Latn", codes.get(46));
        assertTrue(Files.size(dir.resolve("sentencepiece.bpe.model")) > 0);

        TensorContract c = new TensorContract(d, heads, d / heads, vocab);
        for (String file : model.files) {
            try (OrtSession s = Models.open(dir, file, model.variant)) {
                c.assertMatches(s, file, layers);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(Files.readString(file), Map.class);
        }
    }

    private static int number(Map<String, Object> json, String key) {
        return ((BigDecimal) json.get(key)).intValueExact();
    }
}
