package dev.sema.nllb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one NLLB model directory, laid out as the Optimum / transformers.js exports are:
 * {@code config.json}, {@code generation_config.json}, {@code sentencepiece.bpe.model}, optionally
 * {@code tokenizer.json}, and under {@code onnx/} the encoder plus either the merged decoder or the
 * {@code decoder_model} + {@code decoder_with_past_model} pair. The merged decoder wins when both exist, as
 * in Optimum. External weights ({@code *.onnx_data}) need no entry here: ONNX Runtime finds them beside the
 * graph because sessions are created from paths.
 *
 * @param decoderMerged     the merged decoder, or null when the pair is used
 * @param decoder           the no-past decoder of the pair, or null
 * @param decoderWithPast   the with-past decoder of the pair, or null
 */
public record NllbModelFiles(Path directory, ModelVariant variant, Path config, Path generationConfig,
                             Path sentencePiece, Optional<Path> tokenizerJson, Path encoder,
                             Path decoderMerged, Path decoder, Path decoderWithPast) {

    public boolean merged() {
        return decoderMerged != null;
    }

    /**
     * Finds the files of {@code variant} in {@code directory}.
     *
     * @throws NllbModelException naming the first missing file
     */
    public static NllbModelFiles locate(Path directory, ModelVariant variant) {
        if (!Files.isDirectory(directory)) {
            throw new NllbModelException("Model directory " + directory + " does not exist or is not a directory");
        }
        Path onnx = directory.resolve("onnx");
        Path merged = onnx.resolve(variant.fileName("decoder_model_merged"));
        Path decoder = onnx.resolve(variant.fileName("decoder_model"));
        Path withPast = onnx.resolve(variant.fileName("decoder_with_past_model"));
        boolean useMerged = Files.isRegularFile(merged);
        if (!useMerged && !Files.isRegularFile(decoder) && !Files.isRegularFile(withPast)) {
            throw new NllbModelException("Missing decoder: neither " + merged + " nor the pair " + decoder.getFileName()
                    + " + " + withPast.getFileName() + " exists (variant " + variant.name().toLowerCase() + ")");
        }
        Path tokenizerJson = directory.resolve("tokenizer.json");
        return new NllbModelFiles(directory, variant,
                required(directory.resolve("config.json")),
                directory.resolve("generation_config.json"),
                required(directory.resolve("sentencepiece.bpe.model")),
                Optional.of(tokenizerJson).filter(Files::isRegularFile),
                required(onnx.resolve(variant.fileName("encoder_model"))),
                useMerged ? merged : null,
                useMerged ? null : required(decoder),
                useMerged ? null : required(withPast));
    }

    private static Path required(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NllbModelException("Missing model file " + file);
        }
        if (!Files.isReadable(file)) {
            throw new NllbModelException("Model file " + file + " is not readable");
        }
        return file;
    }
}
