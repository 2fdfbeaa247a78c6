package dev.sema.nllb;

import java.util.Locale;

/**
 * Which precision of the ONNX files to load. The suffixes follow the transformers.js exports
 * ({@code encoder_model_quantized.onnx}, {@code decoder_model_merged_fp16.onnx}); fp32 files carry none.
 */
public enum ModelVariant {
    FP32(""),
    QUANTIZED("_quantized"),
    FP16("_fp16");

    private final String suffix;

    ModelVariant(String suffix) {
        this.suffix = suffix;
    }

    /** File name of one exported graph in this variant, e.g. {@code encoder_model_quantized.onnx}. */
    public String fileName(String graph) {
        return graph + suffix + ".onnx";
    }

    /**
     * Parses a configured value ({@code sema.model-variant}); case-insensitive.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ModelVariant parse(String value) {
        String key = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (ModelVariant variant : values()) {
            if (variant.name().equals(key)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("Unknown model variant '" + value + "': expected fp32, quantized or fp16");
    }
}
