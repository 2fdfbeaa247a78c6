package dev.sema.nllb;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which precision of the ONNX files to load. The suffixes follow the transformers.js exports
 * ({@code Xenova/nllb-200-distilled-600M}: {@code encoder_model_quantized.onnx},
 * {@code decoder_model_merged_fp16.onnx}); fp32 files carry none.
 */
public enum ModelVariant {
    /** int8 weights (transformers.js "q8"): about 0.9 GB, the default. */
    QUANTIZED("_quantized"),
    /** half precision: about 1.8 GB. */
    FP16("_fp16"),
    /** full precision: about 3.5 GB; large exports keep weights in {@code .onnx_data} files. */
    FP32("");

    private final String suffix;

    ModelVariant(String suffix) {
        this.suffix = suffix;
    }

    /** The configuration name ({@code quantized}, {@code fp16}, {@code fp32}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** File name of one exported graph in this variant, e.g. {@code encoder_model_quantized.onnx}. */
    public String fileName(String graph) {
        return graph + suffix + ".onnx";
    }

    /** Repository path of one exported graph, e.g. {@code onnx/encoder_model_quantized.onnx}. */
    public String onnxFile(String graph) {
        return "onnx/" + fileName(graph);
    }

    /**
     * Parses a configured value ({@code sema.model-variant}): the configuration names case-insensitively, and
     * transformers.js's {@code q8} for quantized.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ModelVariant parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("q8")) {
            return QUANTIZED;
        }
        return Arrays.stream(values()).filter(x -> x.id().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sema.model-variant '" + value
                        + "' is unknown; use one of " + Arrays.stream(values()).map(ModelVariant::id)
                        .collect(Collectors.joining(", "))));
    }
}
