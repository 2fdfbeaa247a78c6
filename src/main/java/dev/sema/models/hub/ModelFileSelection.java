package dev.sema.models.hub;

import dev.sema.nllb.ModelVariant;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which files of a repository a model needs, so only those are downloaded (the Xenova NLLB repository holds
 * about 12 GB of ONNX files of which one variant uses about 1 GB).
 *
 * @param purpose  what the files are for, named in error messages ("NLLB variant quantized")
 * @param required files that must exist in the repository
 * @param optional files taken when the repository lists them (tokenizer extras, ONNX external data)
 */
public record ModelFileSelection(String purpose, List<String> required, List<String> optional) {

    private static final List<String> NLLB_SESSIONS = List.of("encoder_model", "decoder_model_merged");
    private static final List<String> NLLB_CONFIG = List.of("config.json", "generation_config.json",
            "sentencepiece.bpe.model");
    private static final List<String> NLLB_TOKENIZER_EXTRAS = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json");

    public ModelFileSelection {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        Stream.concat(required.stream(), optional.stream()).forEach(HubCache::checkRelative);
    }

    /**
     * The files of one NLLB variant in a transformers.js export: the engine runs {@code encoder_model} and
     * {@code decoder_model_merged}, as transformers.js does.
     */
    public static ModelFileSelection nllb(ModelVariant variant) {
        List<String> onnx = NLLB_SESSIONS.stream().map(variant::onnxFile).toList();
        List<String> required = Stream.concat(onnx.stream(), NLLB_CONFIG.stream()).toList();
        List<String> optional = Stream.concat(NLLB_TOKENIZER_EXTRAS.stream(), onnx.stream().map(f -> f + "_data"))
                .toList();
        return new ModelFileSelection("NLLB variant " + variant.id(), required, optional);
    }

    public static ModelFileSelection single(String purpose, String file) {
        return new ModelFileSelection(purpose, List.of(file), List.of());
    }

    /**
     * @param listed every file of the repository at {@code commit}
     * @return the files to fetch, required first
     * @throws HubException NOT_FOUND naming the missing required files
     */
    public List<String> select(Collection<String> listed, String repo, String commit) {
        Set<String> available = Set.copyOf(listed);
        List<String> missing = required.stream().filter(f -> !available.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new HubException(HubException.Reason.NOT_FOUND, repo + " at commit " + commit + " has no "
                    + String.join(", ", missing) + ", needed for " + purpose
                    + ". Check the repository and revision, or pick a variant this repository provides.");
        }
        return Stream.concat(required.stream(), optional.stream().filter(available::contains)).toList();
    }

    /**
     * Whether a cached snapshot holds everything: each required file, and each optional file either present
     * or recorded as absent from the repository.
     */
    public boolean satisfiedBy(Predicate<String> present, Predicate<String> knownMissing) {
        return required.stream().allMatch(present)
                && optional.stream().allMatch(f -> present.test(f) || knownMissing.test(f));
    }

    public List<String> missingRequired(Predicate<String> present) {
        return required.stream().filter(present.negate()).toList();
    }
}
