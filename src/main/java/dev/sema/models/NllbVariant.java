package dev.sema.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ONNX weight variants of a transformers.js NLLB export ({@code Xenova/nllb-200-distilled-600M}). The
 * suffixes are transformers.js's dtype suffixes; the engine runs {@code encoder_model} and
 * {@code decoder_model_merged}, as transformers.js does.
 */
public enum NllbVariant {
    /** int8 weights (transformers.js "q8"): about 0.9 GB, the default. */
    QUANTIZED("_quantized"),
    /** half precision: about 1.8 GB. */
    FP16("_fp16"),
    /** full precision: about 3.5 GB; large exports keep weights in {@code .onnx_data} files. */
    FP32("");

    private static final List<String> SESSIONS = List.of("encoder_model", "decoder_model_merged");
    private static final List<String> CONFIG = List.of("config.json", "generation_config.json",
            "sentencepiece.bpe.model");
    private static final List<String> TOKENIZER_EXTRAS = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json");

    private final String suffix;

    NllbVariant(String suffix) {
        this.suffix = suffix;
    }

    /** The configuration name ({@code quantized}, {@code fp16}, {@code fp32}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Repository path of one ONNX session file, e.g. {@code onnx/encoder_model_quantized.onnx}. */
    public String onnxFile(String session) {
        return "onnx/" + session + suffix + ".onnx";
    }

    public ModelFileSelection files() {
        List<String> onnx = SESSIONS.stream().map(this::onnxFile).toList();
        List<String> required = concat(onnx, CONFIG);
        List<String> optional = concat(TOKENIZER_EXTRAS, onnx.stream().map(f -> f + "_data").toList());
        return new ModelFileSelection("NLLB variant " + id(), required, optional);
    }

    /** Accepts the configuration names case-insensitively, and transformers.js's "q8" for quantized. */
    public static NllbVariant parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("q8")) {
            return QUANTIZED;
        }
        return Arrays.stream(values()).filter(x -> x.id().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sema.model-variant '" + value
                        + "' is unknown; use one of " + Arrays.stream(values()).map(NllbVariant::id)
                        .collect(Collectors.joining(", "))));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
