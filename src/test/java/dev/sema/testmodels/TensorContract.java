package dev.sema.testmodels;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The research note's tensor tables (§2.2) for a model of the given dimensions, as "TYPE[dim, …]" strings. */
record TensorContract(int d, int heads, int headDim, int vocab) {
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

    /** Asserts names, order (Optimum 1.x's), dtypes and shapes/dimension names of a session's inputs and outputs. */
    void assertMatches(OrtSession session, String file, int layers) throws OrtException {
        assertEquals(List.copyOf(inputs(file, layers).entrySet()),
                List.copyOf(describe(session.getInputInfo()).entrySet()), file + " inputs");
        assertEquals(List.copyOf(outputs(file, layers).entrySet()),
                List.copyOf(describe(session.getOutputInfo()).entrySet()), file + " outputs");
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
}
