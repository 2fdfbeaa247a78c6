package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.FakeHub;
import dev.sema.models.hub.HubException;
import dev.sema.models.hub.HubFixtures;
import dev.sema.models.hub.ModelFileSelection;
import dev.sema.nllb.ModelVariant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelLocator} end to end: configuration keys in, local paths and commits out, against the fake Hub. */
class ModelLocatorTest {

    @TempDir
    Path dir;
    FakeHub hub;
    Map<String, byte[]> nllb;
    byte[] lid;
    String nllbCommit;
    String lidCommit;

    @BeforeEach
    void startHub() throws IOException {
        hub = FakeHub.start();
        nllb = HubFixtures.nllbFiles();
        nllbCommit = hub.repo(HubFixtures.NLLB).commit(nllb);
        lid = HubFixtures.bytes(100_000, 3);
        lidCommit = hub.repo(HubFixtures.LID).commit(Map.of("model.bin", lid, "README.md", new byte[] {'#'}));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private ModelLocator locator(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>(keys);
        all.put("HF_ENDPOINT", hub.endpoint().toString());
        all.put("HF_HUB_CACHE", dir.resolve("cache").toString());
        return ModelLocator.from(ConfigLookup.of(all));
    }

    @Test
    void translationModelIsDownloadedAndDescribed() throws IOException {
        ResolvedModel model = locator(Map.of()).resolveTranslationModel();

        assertEquals(new ResolvedModel(HubFixtures.NLLB, "main", nllbCommit, ModelVariant.QUANTIZED,
                dir.resolve("cache/models--Xenova--nllb-200-distilled-600M/snapshots").resolve(nllbCommit)), model);
        assertFalse(model.local());
        assertArrayEquals(nllb.get("onnx/encoder_model_quantized.onnx"),
                Files.readAllBytes(model.path().resolve(ModelVariant.QUANTIZED.onnxFile("encoder_model"))));
        assertEquals(Map.of("source", "huggingface", "repo", HubFixtures.NLLB, "revision", "main",
                "commit", nllbCommit, "variant", "quantized", "path", model.path().toString(),
                ResolvedModel.CONTENT_ID, HubFixtures.NLLB + "@" + nllbCommit + ":quantized"), model.info());
    }

    @Test
    void lidModelIsTheConfiguredFile() throws IOException {
        ResolvedModel model = locator(Map.of()).resolveLidModel();

        assertEquals(lidCommit, model.commit());
        assertEquals("model.bin", model.path().getFileName().toString());
        assertArrayEquals(lid, Files.readAllBytes(model.path()));
        assertEquals(0, hub.count(r -> r.path().endsWith("README.md")), "only the configured file is fetched");
    }

    @Test
    void pinnedRevisionFromConfiguration() {
        String old = nllbCommit;
        nllb.put("config.json", "{\"new\":true}".getBytes());
        hub.repo(HubFixtures.NLLB).commit(nllb);

        ResolvedModel model = locator(Map.of("sema.model-revision", old, "sema.model-variant", "fp16"))
                .resolveTranslationModel();

        assertEquals(old, model.commit());
        assertEquals(ModelVariant.FP16, model.variant());
        assertTrue(Files.isRegularFile(model.path().resolve("onnx/decoder_model_merged_fp16.onnx")));
    }

    @Test
    void localModelDirSkipsTheHub() throws IOException {
        Path local = dir.resolve("nllb");
        for (String file : ModelFileSelection.nllb(ModelVariant.QUANTIZED).required()) {
            Files.createDirectories(local.resolve(file).getParent());
            Files.write(local.resolve(file), nllb.get(file));
        }
        Path lidFile = Files.write(dir.resolve("lid.176.ftz"), lid);

        ModelLocator locator = locator(Map.of("sema.model-dir", local.toString(), "sema.lid-model", lidFile.toString()));

        ResolvedModel translation = locator.resolveTranslationModel();
        assertEquals(ResolvedModel.local(local, ModelVariant.QUANTIZED, translation.fingerprint()), translation);
        assertTrue(translation.contentId().matches("local:[0-9a-f]{32}"), translation.contentId());
        assertEquals(ResolvedModel.local(lidFile, null), locator.resolveLidModel());
        assertEquals(0, hub.requests().size());
    }

    @Test
    void incompleteLocalModelDirIsExplained() throws IOException {
        Path local = Files.createDirectories(dir.resolve("nllb"));
        Files.write(local.resolve("config.json"), nllb.get("config.json"));

        HubException error = assertThrows(HubException.class,
                () -> locator(Map.of("sema.model-dir", local.toString())).resolveTranslationModel());

        assertEquals(HubException.Reason.LOCAL_MODEL_INVALID, error.reason());
        assertTrue(error.getMessage().contains("SEMA_MODEL_DIR"), error.getMessage());
        assertTrue(error.getMessage().contains("onnx/encoder_model_quantized.onnx"), error.getMessage());
        assertFalse(error.getMessage().contains("lacks config.json"), error.getMessage());
    }

    @Test
    void missingLocalLidModelIsExplained() {
        HubException error = assertThrows(HubException.class,
                () -> locator(Map.of("sema.lid-model", dir.resolve("nope.bin").toString())).resolveLidModel());

        assertEquals(HubException.Reason.LOCAL_MODEL_INVALID, error.reason());
        assertTrue(error.getMessage().contains("SEMA_LID_MODEL") && error.getMessage().contains("nope.bin"),
                error.getMessage());
    }
}
