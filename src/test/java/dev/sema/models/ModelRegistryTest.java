package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.HubException;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.fasttext.FastTextModel;
import dev.sema.nllb.NllbModel;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ModelRegistryTest {

    @TempDir
    Path dir;

    /** Runs tasks only when asked, so a test can look at the slot while a load is pending. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private static Path lid176() {
        Path file = Path.of(System.getProperty("sema.shared.dir", "../shared"), "models", "lid.176.ftz");
        assumeTrue(Files.isRegularFile(file), "SKIPPED: " + file + " (shared lid.176 model) is missing; set "
                + "sema.shared.dir to the shared folder to run the registry's language identification checks");
        return file;
    }

    private Map<String, String> settings(Path modelDir, Path lidModel) {
        Map<String, String> values = new HashMap<>();
        values.put("sema.model-dir", modelDir.toString());
        values.put("sema.model-variant", "fp32");
        values.put("sema.lid-model", lidModel.toString());
        // Any Hub access would fail loudly: nothing listens here.
        values.put("HF_ENDPOINT", "http://127.0.0.1:9");
        values.put("HF_HUB_CACHE", dir.resolve("hub").toString());
        return values;
    }

    @Test
    void startupLoadsBothModelsInTheBackgroundWithTheirInfo() {
        ManualExecutor executor = new ManualExecutor();
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(settings(TestModels.echo(), lid176())), executor);
        var started = registry.start().toCompletableFuture();

        assertEquals(ModelStatus.State.LOADING, registry.translation().status().state());
        assertEquals(ModelStatus.State.LOADING, registry.languageIdentification().status().state());
        assertEquals("model_loading", FailureMapper.toApi(assertThrows(ModelUnavailableException.class,
                registry.translation()::acquire)).code());
        executor.runAll();
        started.join();

        ModelStatus nllb = registry.translation().status();
        assertTrue(nllb.ready(), nllb.toString());
        assertEquals("local", nllb.info().get("source"));
        assertEquals("fp32", nllb.info().get("variant"));
        assertEquals(TestModels.echo().toString(), nllb.info().get("path"));
        assertEquals(true, nllb.info().get("merged_decoder"));
        assertTrue(nllb.info().containsKey("load_time_seconds"));
        ModelStatus lid = registry.languageIdentification().status();
        assertTrue(lid.ready(), lid.toString());
        assertEquals(176, lid.info().get("labels"));
        try (ModelSlot.Lease<FastTextModel> lease = registry.languageIdentification().acquire()) {
            assertEquals("fr", lease.model().predict("Bonjour tout le monde", 1).get(0).label());
        }

        registry.shutdown();
        assertEquals(0, registry.translation().liveModels());
        assertEquals("model_not_loaded", FailureMapper.toApi(assertThrows(ModelUnavailableException.class,
                registry.translation()::acquire)).code());
    }

    @Test
    void missingLocalPathsFailFastWithoutTheHub() {
        Path absent = dir.resolve("no-models");
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(settings(absent, absent.resolve("lid.176.ftz"))),
                Runnable::run);
        registry.start().toCompletableFuture().join();

        ModelStatus nllb = registry.translation().status();
        assertEquals(ModelStatus.State.FAILED, nllb.state());
        assertTrue(nllb.detail().contains("sema.model-dir (SEMA_MODEL_DIR) = " + absent + " is not a directory"),
                nllb.detail());
        ModelStatus lid = registry.languageIdentification().status();
        assertEquals(ModelStatus.State.FAILED, lid.state());
        assertTrue(lid.detail().contains("sema.lid-model (SEMA_LID_MODEL)"), lid.detail());
        ApiException e = FailureMapper.toApi(assertThrows(ModelUnavailableException.class,
                registry.translation()::acquire));
        assertEquals("model_not_loaded", e.code());
        assertTrue(e.detail().contains("is not a directory"), e.detail());
        assertTrue(Files.notExists(dir.resolve("hub")), "nothing was downloaded into the Hub cache");
    }

    @Test
    void aFailedReloadKeepsTheOldModelServingAndASuccessfulOneSwaps() {
        Map<String, String> values = settings(TestModels.echo(), lid176());
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(values), Runnable::run);
        registry.start().toCompletableFuture().join();
        NllbModel first;
        try (ModelSlot.Lease<NllbModel> lease = registry.translation().acquire()) {
            first = lease.model();
        }

        values.put("sema.model-dir", dir.resolve("gone").toString());
        CompletionException failed = assertThrows(CompletionException.class,
                () -> registry.reload(Optional.empty()).toCompletableFuture().join());
        assertInstanceOf(HubException.class, failed.getCause());
        ModelStatus afterFailure = registry.translation().status();
        assertTrue(afterFailure.ready());
        assertTrue(afterFailure.detail().startsWith("last reload failed: "), afterFailure.detail());
        try (ModelSlot.Lease<NllbModel> lease = registry.translation().acquire()) {
            assertEquals(first, lease.model());
        }

        values.put("sema.model-dir", TestModels.echo().toString());
        ModelStatus swapped = registry.reload(Optional.empty()).toCompletableFuture().join();
        assertTrue(swapped.ready());
        try (ModelSlot.Lease<NllbModel> lease = registry.translation().acquire()) {
            assertNotSame(first, lease.model());
        }
        assertEquals(1, registry.translation().liveModels(), "the replaced model was closed");
        registry.shutdown();
    }

    @Test
    void oneLoadAtATimeAndRevisionsOnlyForTheHub() {
        ManualExecutor executor = new ManualExecutor();
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(settings(TestModels.echo(), lid176())), executor);
        var first = registry.reload(Optional.empty()).toCompletableFuture();
        CompletionException busy = assertThrows(CompletionException.class,
                () -> registry.reload(Optional.empty()).toCompletableFuture().join());
        assertInstanceOf(IllegalStateException.class, busy.getCause());
        executor.runAll();
        assertTrue(first.join().ready());

        CompletionException revision = assertThrows(CompletionException.class,
                () -> registry.reload(Optional.of("v2")).toCompletableFuture().join());
        assertInstanceOf(IllegalArgumentException.class, revision.getCause());
        assertTrue(revision.getCause().getMessage().contains("a revision applies only to Hub downloads"));
        registry.shutdown();
    }

    @ParameterizedTest
    @CsvSource({"sema.ort-threads, many, sema.ort-threads (SEMA_ORT_THREADS)",
            "sema.ort-threads, -1, sema.ort-threads (SEMA_ORT_THREADS)",
            "sema.ort-optimization, fastest, sema.ort-optimization (SEMA_ORT_OPTIMIZATION)",
            "sema.ort-cpu-arena, maybe, sema.ort-cpu-arena (SEMA_ORT_CPU_ARENA)"})
    void invalidSettingsFailTheSlotInsteadOfTheDeployment(String key, String value, String named) {
        Map<String, String> values = settings(TestModels.echo(), lid176());
        values.put(key, value);
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(values), Runnable::run);
        registry.start().toCompletableFuture().join();
        ModelStatus nllb = registry.translation().status();
        assertEquals(ModelStatus.State.FAILED, nllb.state());
        assertTrue(nllb.detail().contains(named), nllb.detail());
        assertTrue(registry.languageIdentification().status().ready());
        registry.shutdown();
    }

    @Test
    void everyValidSessionSettingLoads() {
        Map<String, String> values = settings(TestModels.echo(), lid176());
        values.put("sema.ort-threads", "1");
        values.put("sema.ort-optimization", "basic");
        values.put("sema.ort-cpu-arena", "false");
        ModelRegistry registry = new ModelRegistry(ConfigLookup.of(values), Runnable::run);
        registry.start().toCompletableFuture().join();
        assertTrue(registry.translation().status().ready(), registry.translation().status().detail());
        registry.shutdown();
    }
}
