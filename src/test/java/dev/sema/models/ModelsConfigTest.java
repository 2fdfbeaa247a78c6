package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.HubSettings;
import dev.sema.nllb.ModelVariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults and keys of {@link ModelsConfig} and {@link HubSettings}. */
class ModelsConfigTest {

    @TempDir
    Path home;

    @Test
    void defaultsAreTheXenovaQuantizedModelAndLid218e() {
        ModelsConfig config = ModelsConfig.from(ConfigLookup.of(Map.of()));

        assertEquals("Xenova/nllb-200-distilled-600M", config.modelRepo());
        assertEquals("main", config.modelRevision());
        assertEquals(ModelVariant.QUANTIZED, config.modelVariant());
        assertEquals("facebook/fasttext-language-identification", config.lidRepo());
        assertEquals("main", config.lidRevision());
        assertEquals("model.bin", config.lidFile());
        assertEquals(Optional.empty(), config.modelDir());
        assertEquals(Optional.empty(), config.lidModel());
    }

    @Test
    void everyKeyIsRead() {
        ModelsConfig config = ModelsConfig.from(ConfigLookup.of(Map.of("sema.model-repo", "me/nllb-1.3B",
                "sema.model-revision", "v2", "sema.model-variant", "FP16", "sema.lid-repo", "me/lid",
                "sema.lid-revision", "abc", "sema.lid-file", "lid.176.ftz", "sema.model-dir", "/models/nllb",
                "sema.lid-model", " /models/lid.bin ")));

        assertEquals(new ModelsConfig("me/nllb-1.3B", "v2", ModelVariant.FP16, "me/lid", "abc", "lid.176.ftz",
                Optional.of(Path.of("/models/nllb")), Optional.of(Path.of("/models/lid.bin"))), config);
    }

    @Test
    void badValuesAreRejectedWithTheKeyName() {
        IllegalArgumentException variant = assertThrows(IllegalArgumentException.class,
                () -> ModelsConfig.from(ConfigLookup.of(Map.of("sema.model-variant", "int4"))));
        assertTrue(variant.getMessage().contains("sema.model-variant") && variant.getMessage().contains("quantized, fp16, fp32"),
                variant.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ModelsConfig.from(ConfigLookup.of(Map.of("sema.model-repo", "../../etc"))));
        assertThrows(IllegalArgumentException.class,
                () -> ModelsConfig.from(ConfigLookup.of(Map.of("sema.lid-file", "../model.bin"))));
        assertEquals(ModelVariant.QUANTIZED, ModelVariant.parse("q8"));
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("SEMA_MODEL_REPO", ConfigLookup.environmentName("sema.model-repo"));
        assertEquals("SEMA_HUB_MAX_ATTEMPTS", ConfigLookup.environmentName("sema.hub-max-attempts"));
    }

    @Test
    void hubDefaultsMatchHuggingfaceHub() {
        String userHome = System.getProperty("user.home");
        HubSettings settings = HubSettings.from(ConfigLookup.of(Map.of()));

        assertEquals(URI.create("https://huggingface.co"), settings.endpoint());
        assertEquals(Path.of(userHome, ".cache", "huggingface", "hub"), settings.cacheDir());
        assertFalse(settings.offline());
        assertEquals(5, settings.retry().maxAttempts());
        assertEquals(Duration.ofSeconds(5), settings.progressInterval());
    }

    @Test
    void hubVariablesAreHonoured() throws IOException {
        Files.writeString(home.resolve("token"), "hf_fromLogin\n");
        HubSettings fromHome = HubSettings.from(ConfigLookup.of(Map.of("HF_HOME", home.toString(),
                "HF_HUB_OFFLINE", "1", "HF_ENDPOINT", "https://mirror.example/", "sema.hub-max-attempts", "2")));

        assertEquals(home.resolve("hub"), fromHome.cacheDir());
        assertEquals(Optional.of("hf_fromLogin"), fromHome.token(), "the token huggingface-cli login stored");
        assertTrue(fromHome.offline());
        assertEquals(URI.create("https://mirror.example"), fromHome.endpoint());
        assertEquals(2, fromHome.retry().maxAttempts());

        HubSettings explicit = HubSettings.from(ConfigLookup.of(Map.of("HF_HOME", home.toString(),
                "HF_HUB_CACHE", "/data/hub", "HF_TOKEN", "hf_env", "HF_HUB_OFFLINE", "0")));
        assertEquals(Path.of("/data/hub"), explicit.cacheDir());
        assertEquals(Optional.of("hf_env"), explicit.token());
        assertFalse(explicit.offline());
    }
}
