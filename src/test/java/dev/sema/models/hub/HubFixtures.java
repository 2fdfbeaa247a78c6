package dev.sema.models.hub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Generated "models" in the Xenova NLLB layout, and Hub settings with short test delays. */
public final class HubFixtures {

    public static final String NLLB = "Xenova/nllb-200-distilled-600M";
    public static final String LID = "facebook/fasttext-language-identification";

    private HubFixtures() {
    }

    public static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Every variant's ONNX files (different sizes so a wrong pick shows), configs and tokenizer files. */
    public static Map<String, byte[]> nllbFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", "{\"model_type\":\"m2m_100\",\"vocab_size\":256206}".getBytes(StandardCharsets.UTF_8));
        files.put("generation_config.json", "{\"decoder_start_token_id\":2}".getBytes(StandardCharsets.UTF_8));
        files.put("sentencepiece.bpe.model", bytes(48_000, 1));
        files.put("tokenizer.json", bytes(64_000, 2));
        files.put("special_tokens_map.json", "{\"eos_token\":\"</s>\"}".getBytes(StandardCharsets.UTF_8));
        files.put("README.md", "# NLLB".getBytes(StandardCharsets.UTF_8));
        files.put("onnx/encoder_model.onnx", bytes(300_000, 3));
        files.put("onnx/decoder_model_merged.onnx", bytes(310_000, 4));
        files.put("onnx/encoder_model_fp16.onnx", bytes(150_000, 5));
        files.put("onnx/decoder_model_merged_fp16.onnx", bytes(155_000, 6));
        files.put("onnx/encoder_model_quantized.onnx", bytes(80_000, 7));
        files.put("onnx/decoder_model_merged_quantized.onnx", bytes(90_000, 8));
        files.put("onnx/decoder_model_quantized.onnx", bytes(85_000, 9));
        return files;
    }

    public static HubSettings settings(FakeHub hub, Path cache) {
        return withTimeouts(withRetry(at(hub.endpoint(), cache),
                        new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200))),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static HubSettings offline(HubSettings s) {
        return new HubSettings(s.endpoint(), s.token(), true, s.cacheDir(), s.retry(), s.connectTimeout(),
                s.stallTimeout(), s.progressInterval());
    }

    static HubSettings withToken(HubSettings s, String token) {
        return new HubSettings(s.endpoint(), Optional.of(token), s.offline(), s.cacheDir(), s.retry(),
                s.connectTimeout(), s.stallTimeout(), s.progressInterval());
    }

    static HubSettings withRetry(HubSettings s, RetryPolicy retry) {
        return new HubSettings(s.endpoint(), s.token(), s.offline(), s.cacheDir(), retry, s.connectTimeout(),
                s.stallTimeout(), s.progressInterval());
    }

    static HubSettings withTimeouts(HubSettings s, Duration connect, Duration stall, Duration progress) {
        return new HubSettings(s.endpoint(), s.token(), s.offline(), s.cacheDir(), s.retry(), connect, stall,
                progress);
    }

    /**
     * The bundled defaults for a Hub at {@code endpoint} and a cache in {@code cache}, with no token: the Hugging
     * Face home points into the cache, so a token file of the machine's user is never picked up.
     */
    static HubSettings at(URI endpoint, Path cache) {
        return HubSettings.from(ConfigLookup.of(Map.of("HF_ENDPOINT", endpoint.toString(),
                "HF_HUB_CACHE", cache.toString(), "HF_HOME", cache.resolve("hf-home").toString())));
    }
}
