package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.FakeHub;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.nllb.NllbModel;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The registry against a Hub (in-JVM {@link FakeHub}): network use with warm and cold caches, offline, updates. */
class ModelRegistryHubTest {

    private static final String NLLB = "sema-test/nllb-echo";
    private static final String LID = "sema-test/lid";

    @TempDir
    Path dir;
    private FakeHub hub;
    private String mainCommit;
    private String lidCommit;

    @BeforeEach
    void serveModels() throws IOException {
        Path lid = Path.of(System.getProperty("sema.shared.dir", "../shared"), "models", "lid.176.ftz");
        assumeTrue(Files.isRegularFile(lid), "SKIPPED: " + lid + " (shared lid.176 model) is missing; set "
                + "sema.shared.dir to the shared folder to run the registry's Hub checks");
        hub = FakeHub.start();
        mainCommit = hub.repo(NLLB).commit(files(TestModels.echo()));
        lidCommit = hub.repo(LID).commit(Map.of("lid.176.ftz", Files.readAllBytes(lid)));
    }

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private Map<String, String> settings(Path cache) {
        Map<String, String> values = new HashMap<>();
        values.put("HF_ENDPOINT", hub.endpoint().toString());
        values.put("HF_HUB_CACHE", cache.toString());
        values.put("HF_TOKEN_PATH", dir.resolve("no-token").toString());
        values.put("sema.hub-max-attempts", "2");
        values.put("sema.hub-retry-initial-ms", "10");
        values.put("sema.model-repo", NLLB);
        values.put("sema.model-variant", "fp32");
        values.put("sema.lid-repo", LID);
        values.put("sema.lid-file", "lid.176.ftz");
        return values;
    }

    private static ModelRegistry started(Map<String, String> values) {
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(values), Runnable::run);
        registry.start().toCompletableFuture().join();
        return registry;
    }

    @Test
    void aWarmCacheDownloadsNothingAgain() {
        Map<String, String> values = settings(dir.resolve("hub"));
        ModelRegistry first = started(values);
        assertTrue(first.translation().status().ready(), first.translation().status().toString());
        assertTrue(first.languageIdentification().status().ready());
        assertEquals(mainCommit, first.translation().status().info().get("commit"));
        first.shutdown();
        assertTrue(hub.countPath("/blobs/") > 0, "the first start downloaded");

        long before = hub.requests().size();
        ModelRegistry second = started(values);
        assertTrue(second.translation().status().ready() && second.languageIdentification().status().ready());
        List<FakeHub.Request> made = hub.requests().subList((int) before, hub.requests().size());
        // A branch moves, so each model asks once which commit "main" is now; no file is fetched again.
        assertEquals(2, made.size(), made.toString());
        assertTrue(made.stream().allMatch(r -> r.path().startsWith("/api/models/")), made.toString());
        second.shutdown();

        values.put("sema.model-revision", mainCommit);
        values.put("sema.lid-revision", lidCommit);
        long pinned = hub.requests().size();
        ModelRegistry third = started(values);
        assertTrue(third.translation().status().ready() && third.languageIdentification().status().ready());
        assertEquals(pinned, hub.requests().size(), "pinned commits in a warm cache need no network at all");
        third.shutdown();
    }

    @Test
    void offlineWithAWarmCacheLoadsWithoutTheNetwork() {
        Map<String, String> values = settings(dir.resolve("hub"));
        started(values).shutdown();
        long before = hub.requests().size();
        values.put("HF_HUB_OFFLINE", "1");
        ModelRegistry offline = started(values);
        assertTrue(offline.translation().status().ready(), offline.translation().status().toString());
        assertEquals(mainCommit, offline.translation().status().info().get("commit"));
        assertTrue(offline.languageIdentification().status().ready());
        assertEquals(before, hub.requests().size(), "offline means no request");
        offline.shutdown();
    }

    @Test
    void offlineWithAColdCacheFailsClearly() {
        Map<String, String> values = settings(dir.resolve("empty-cache"));
        values.put("HF_HUB_OFFLINE", "true");
        ModelRegistry registry = started(values);
        for (ModelSlot<?> slot : List.of(registry.translation(), registry.languageIdentification())) {
            ModelStatus status = slot.status();
            assertEquals(ModelStatus.State.FAILED, status.state(), status.toString());
            assertTrue(status.detail().startsWith("HF_HUB_OFFLINE is set and the Hugging Face cache "), status.detail());
            assertTrue(status.detail().contains("Download the model once with network access"), status.detail());
        }
        assertTrue(registry.translation().status().detail().contains("no entry for " + NLLB + "@main"));
        ApiException e = FailureMapper.toApi(assertThrows(ModelUnavailableException.class,
                registry.translation()::acquire));
        assertEquals("model_not_loaded", e.code());
        assertTrue(e.detail().contains("HF_HUB_OFFLINE"), e.detail());
        assertEquals(0, hub.requests().size());
    }

    @Test
    void aGatedRepositoryWithoutTokenFailsWithAdvice() {
        hub.repo(NLLB).gated("secret");
        ModelRegistry registry = started(settings(dir.resolve("hub")));
        ModelStatus status = registry.translation().status();
        assertEquals(ModelStatus.State.FAILED, status.state());
        assertTrue(status.detail().contains("HTTP 401") && status.detail().contains("HF_TOKEN"), status.detail());
        assertTrue(registry.languageIdentification().status().ready(), "the other model is unaffected");
        registry.shutdown();
    }

    @Test
    void theUpdateCheckReloadsWhenTheBranchMoves() {
        Map<String, String> values = settings(dir.resolve("hub"));
        ModelRegistry registry = started(values);
        NllbModel original;
        try (ModelSlot.Lease<NllbModel> lease = registry.translation().acquire()) {
            original = lease.model();
        }
        ModelUpdateCheck check = new ModelUpdateCheck(registry, ConfigLookup.of(values));
        assertEquals(List.of("translation: " + NLLB + "@main is still " + mainCommit,
                "language_identification: " + LID + "@main is still " + lidCommit), check.run());

        Map<String, byte[]> changed = files(TestModels.echo());
        changed.put("generation_config.json", (new String(changed.get("generation_config.json"),
                StandardCharsets.UTF_8).strip().replaceFirst("}$", ",\"note\":\"v2\"}")).getBytes(StandardCharsets.UTF_8));
        String moved = hub.repo(NLLB).commit(changed);
        List<String> outcome = check.run();
        assertTrue(outcome.get(0).contains("moved from " + mainCommit + " to " + moved), outcome.toString());
        assertEquals(moved, registry.translation().status().info().get("commit"));
        try (ModelSlot.Lease<NllbModel> lease = registry.translation().acquire()) {
            assertNotEquals(original, lease.model());
        }
        assertEquals(1, registry.translation().liveModels());

        long before = hub.requests().size();
        values.put("HF_HUB_OFFLINE", "1");
        assertEquals(List.of("skipped: HF_HUB_OFFLINE is set"), check.run());
        values.remove("HF_HUB_OFFLINE");
        values.put("sema.model-dir", TestModels.echo().toString());
        assertTrue(check.run().get(0).startsWith("translation: local copy"));
        assertEquals(before + 1, hub.requests().size(), "only the language identification model was checked");
        registry.shutdown();
    }

    @Test
    void updateIntervalsParse() {
        assertEquals(java.time.Duration.ZERO, UpdateInterval.parse(""));
        assertEquals(java.time.Duration.ZERO, UpdateInterval.parse("0"));
        assertEquals(java.time.Duration.ofSeconds(90), UpdateInterval.parse("90"));
        assertEquals(java.time.Duration.ofHours(6), UpdateInterval.parse("PT6H"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdateInterval.parse("6h"));
        assertTrue(e.getMessage().contains("SEMA_MODEL_UPDATE_INTERVAL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UpdateInterval.parse("-PT1S"));
    }

    private static Map<String, byte[]> files(Path model) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(model)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                if (!p.getFileName().toString().startsWith(".")) {
                    files.put(model.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
