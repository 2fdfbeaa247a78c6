package dev.sema.nllb;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Token ids and the length limit a checkpoint was published with ({@code generation_config.json}, falling back
 * to {@code config.json} and then to NLLB's values, which is the order Hugging Face resolves them in).
 *
 * @param decoderStartTokenId first decoder input (2, {@code </s>}, for NLLB)
 * @param eosTokenId          generation stops on it
 * @param padTokenId          right padding of source batches
 * @param maxLength           whole decoder sequence limit in tokens, start token included
 */
public record GenerationDefaults(int decoderStartTokenId, int eosTokenId, int padTokenId, int maxLength) {

    static final GenerationDefaults NLLB = new GenerationDefaults(2, 2, 1, 200);

    static GenerationDefaults read(Path generationConfigJson, Path configJson) {
        GenerationDefaults fromConfig = readOver(JsonFile.read(configJson), NLLB);
        return Files.isRegularFile(generationConfigJson)
                ? readOver(JsonFile.read(generationConfigJson), fromConfig)
                : fromConfig;
    }

    private static GenerationDefaults readOver(JsonFile json, GenerationDefaults fallback) {
        return new GenerationDefaults(
                json.optionalInt("decoder_start_token_id").orElse(fallback.decoderStartTokenId),
                json.optionalInt("eos_token_id").orElse(fallback.eosTokenId),
                json.optionalInt("pad_token_id").orElse(fallback.padTokenId),
                json.optionalInt("max_length").orElse(fallback.maxLength));
    }
}
