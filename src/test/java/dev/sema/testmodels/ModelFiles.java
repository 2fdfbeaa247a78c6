package dev.sema.testmodels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The non-ONNX files of a Hugging Face NLLB repository: config.json, generation_config.json,
 * tokenizer_config.json, special_tokens_map.json and sentencepiece.bpe.model, with real NLLB's values
 * except for the dimensions.
 */
final class ModelFiles {
    static final String SPM_RESOURCE = "/testmodels/sentencepiece.bpe.model";
    /** Number of pieces in the committed SentencePiece model (see src/test/resources/testmodels/README.md). */
    static final int SPM_SIZE = 4000;

    private ModelFiles() {
    }

    static void write(Path dir, NllbDims dims) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), config(dims));
        Files.writeString(dir.resolve("generation_config.json"), """
                {
                  "_from_model_config": true,
                  "bos_token_id": 0,
                  "decoder_start_token_id": 2,
                  "eos_token_id": 2,
                  "max_length": 200,
                  "pad_token_id": 1
                }
                """);
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {
                  "bos_token": "<s>",
                  "cls_token": "<s>",
                  "eos_token": "</s>",
                  "legacy_behaviour": false,
                  "mask_token": {"content": "<mask>", "lstrip": true, "normalized": true, "rstrip": false, "single_word": false},
                  "model_max_length": 1024,
                  "pad_token": "<pad>",
                  "sep_token": "</s>",
                  "src_lang": null,
                  "tgt_lang": null,
                  "tokenizer_class": "NllbTokenizer",
                  "unk_token": "<unk>"
                }
                """);
        String codes = languages().stream().map(c -> "    \"" + c + "\"").collect(Collectors.joining(",\n"));
        Files.writeString(dir.resolve("special_tokens_map.json"), """
                {
                  "additional_special_tokens": [
                %s
                  ],
                  "bos_token": "<s>",
                  "cls_token": "<s>",
                  "eos_token": "</s>",
                  "mask_token": {"content": "<mask>", "lstrip": true, "normalized": true, "rstrip": false, "single_word": false},
                  "pad_token": "<pad>",
                  "sep_token": "</s>",
                  "unk_token": "<unk>"
                }
                """.formatted(codes));
        try (InputStream spm = resource(SPM_RESOURCE)) {
            Files.copy(spm, dir.resolve("sentencepiece.bpe.model"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The 202 FLORES-200 codes in NLLB's token order (transformers' FAIRSEQ_LANGUAGE_CODES). */
    static List<String> languages() {
        return dev.sema.languages.NllbLanguages.codes();
    }

    private static String config(NllbDims d) {
        return """
                {
                  "_name_or_path": "sema-testmodels",
                  "activation_dropout": 0.0,
                  "activation_function": "relu",
                  "architectures": ["M2M100ForConditionalGeneration"],
                  "attention_dropout": 0.1,
                  "bos_token_id": 0,
                  "d_model": %d,
                  "decoder_attention_heads": %d,
                  "decoder_ffn_dim": %d,
                  "decoder_layerdrop": 0,
                  "decoder_layers": %d,
                  "decoder_start_token_id": 2,
                  "dropout": 0.1,
                  "encoder_attention_heads": %d,
                  "encoder_ffn_dim": %d,
                  "encoder_layerdrop": 0,
                  "encoder_layers": %d,
                  "eos_token_id": 2,
                  "init_std": 0.02,
                  "is_encoder_decoder": true,
                  "max_length": 200,
                  "max_position_embeddings": %d,
                  "model_type": "m2m_100",
                  "num_hidden_layers": %d,
                  "pad_token_id": 1,
                  "scale_embedding": true,
                  "tokenizer_class": "NllbTokenizer",
                  "torch_dtype": "float32",
                  "use_cache": true,
                  "vocab_size": %d
                }
                """.formatted(d.dModel(), d.heads(), d.ffn(), d.decoderLayers(), d.heads(), d.ffn(),
                d.encoderLayers(), d.maxPositions(), d.encoderLayers(), d.vocabSize());
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ModelFiles.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("test resource missing: " + name);
        }
        return in;
    }
}
