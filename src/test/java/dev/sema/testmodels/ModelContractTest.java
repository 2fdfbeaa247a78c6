package dev.sema.testmodels;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        ECHO(TestModels::echo, List.of(NllbExport.ENCODER, NllbExport.DECODER_MERGED)),
        TINY(TestModels::tiny, List.of(NllbExport.ENCODER, NllbExport.DECODER_MERGED)),
        TINY_UNMERGED(TestModels::tinyUnmerged,
                List.of(NllbExport.ENCODER, NllbExport.DECODER, NllbExport.DECODER_WITH_PAST));

        final java.util.function.Supplier<Path> dir;
        final List<String> files;

        Model(java.util.function.Supplier<Path> dir, List<String> files) {
            this.dir = dir;
            this.files = files;
        }
    }

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

        Contract c = new Contract(d, heads, d / heads, vocab);
        for (String file : model.files) {
            try (OrtSession s = Models.open(dir, file)) {
                // Entry lists, not maps: the order (Optimum 1.x's) is part of what is checked.
                assertEquals(List.copyOf(c.inputs(file, layers).entrySet()),
                        List.copyOf(describe(s.getInputInfo()).entrySet()), file + " inputs");
                assertEquals(List.copyOf(c.outputs(file, layers).entrySet()),
                        List.copyOf(describe(s.getOutputInfo()).entrySet()), file + " outputs");
            }
        }
    }

    private record Contract(int d, int heads, int headDim, int vocab) {
        Map<String, String> inputs(String file, int layers) {
            Map<String, String> m = new LinkedHashMap<>();
            if (file.equals(NllbExport.ENCODER)) {
                m.put("input_ids", "INT64[batch_size, encoder_sequence_length]");
                m.put("attention_mask", "INT64[batch_size, encoder_sequence_length]");
                return m;
            }
            m.put("encoder_attention_mask", "INT64[batch_size, encoder_sequence_length]");
            m.put("input_ids", file.equals(NllbExport.DECODER_WITH_PAST) ? "INT64[batch_size, 1]"
                    : "INT64[batch_size, decoder_sequence_length]");
            if (!file.equals(NllbExport.DECODER_WITH_PAST)) {
                m.put("encoder_hidden_states", "FLOAT[batch_size, encoder_sequence_length, " + d + "]");
            }
            if (!file.equals(NllbExport.DECODER)) {
                for (int i = 0; i < layers; i++) {
                    kv(m, "past_key_values." + i, "past_decoder_sequence_length", true);
                }
            }
            if (file.equals(NllbExport.DECODER_MERGED)) {
                m.put("use_cache_branch", "BOOL[1]");
            }
            return m;
        }

        Map<String, String> outputs(String file, int layers) {
            Map<String, String> m = new LinkedHashMap<>();
            if (file.equals(NllbExport.ENCODER)) {
                m.put("last_hidden_state", "FLOAT[batch_size, encoder_sequence_length, " + d + "]");
                return m;
            }
            boolean withPast = file.equals(NllbExport.DECODER_WITH_PAST);
            m.put("logits", "FLOAT[batch_size, " + (withPast ? "1" : "decoder_sequence_length") + ", " + vocab + "]");
            String seq = file.equals(NllbExport.DECODER) ? "decoder_sequence_length" : "past_decoder_sequence_length + 1";
            for (int i = 0; i < layers; i++) {
                kv(m, "present." + i, seq, !withPast);
            }
            return m;
        }

        private void kv(Map<String, String> m, String prefix, String decoderSeq, boolean encoder) {
            String dec = "FLOAT[batch_size, " + heads + ", " + decoderSeq + ", " + headDim + "]";
            String enc = "FLOAT[batch_size, " + heads + ", encoder_sequence_length_out, " + headDim + "]";
            m.put(prefix + ".decoder.key", dec);
            m.put(prefix + ".decoder.value", dec);
            if (encoder) {
                m.put(prefix + ".encoder.key", enc);
                m.put(prefix + ".encoder.value", enc);
            }
        }
    }

    /** "TYPE[dim, …]" per tensor in session order, symbolic dimensions by name. */
    private static Map<String, String> describe(Map<String, NodeInfo> infos) {
        Map<String, String> m = new LinkedHashMap<>();
        infos.forEach((name, info) -> {
            TensorInfo t = (TensorInfo) info.getInfo();
            List<String> dims = new ArrayList<>();
            for (int i = 0; i < t.getShape().length; i++) {
                dims.add(t.getShape()[i] < 0 ? t.getDimensionNames()[i] : Long.toString(t.getShape()[i]));
            }
            m.put(name, t.type + "" + dims);
        });
        return m;
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
