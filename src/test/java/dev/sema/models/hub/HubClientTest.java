package dev.sema.models.hub;

import dev.sema.nllb.ModelVariant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubClientTest {

    @TempDir
    Path cache;
    FakeHub hub;
    Map<String, byte[]> files;
    String commit;

    @BeforeEach
    void startHub() throws IOException {
        hub = FakeHub.start();
        files = HubFixtures.nllbFiles();
        commit = hub.repo(HubFixtures.NLLB).commit(files);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubSnapshot fetch(HubSettings settings, String revision) {
        return new HubClient(settings).fetch(HubFixtures.NLLB, revision, ModelFileSelection.nllb(ModelVariant.QUANTIZED));
    }

    @Test
    void freshDownloadFillsTheStandardCacheLayout() throws IOException {
        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache), "main");

        Path repoDir = cache.resolve("models--Xenova--nllb-200-distilled-600M");
        assertEquals(commit, snapshot.commit());
        assertEquals(repoDir.resolve("snapshots").resolve(commit), snapshot.dir());
        assertEquals(commit, Files.readString(repoDir.resolve("refs/main")));

        String encoder = "onnx/encoder_model_quantized.onnx";
        Path entry = snapshot.file(encoder);
        assertTrue(Files.isSymbolicLink(entry), "snapshot entries are symlinks");
        String sha = FakeHub.sha256(files.get(encoder));
        assertEquals(Path.of("../../../blobs/" + sha), Files.readSymbolicLink(entry), "relative link to the blob");
        assertArrayEquals(files.get(encoder), Files.readAllBytes(entry));
        assertEquals(Path.of("../../blobs/" + FakeHub.gitSha1(files.get("config.json"))),
                Files.readSymbolicLink(snapshot.file("config.json")), "small files are named by git sha1");
        for (String file : snapshot.files()) {
            assertArrayEquals(files.get(file), Files.readAllBytes(snapshot.file(file)), file);
        }
        // tokenizer_config.json is optional and absent from this repository: recorded like huggingface_hub does.
        assertTrue(Files.exists(repoDir.resolve(".no_exist").resolve(commit).resolve("tokenizer_config.json")));
        try (Stream<Path> blobs = Files.list(repoDir.resolve("blobs"))) {
            assertFalse(blobs.anyMatch(p -> p.toString().endsWith(".incomplete")));
        }
    }

    @Test
    void onlyTheVariantsFilesAreDownloaded() throws IOException {
        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache), "main");

        assertEquals(java.util.List.of("onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx",
                "config.json", "generation_config.json", "sentencepiece.bpe.model", "tokenizer.json",
                "special_tokens_map.json"), snapshot.files());
        for (String other : new String[] {"onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx",
                "onnx/encoder_model_fp16.onnx", "onnx/decoder_model_quantized.onnx", "README.md"}) {
            assertEquals(0, hub.count(r -> r.path().endsWith("/" + other)), other + " must not be requested");
            assertFalse(Files.exists(snapshot.file(other)), other);
            assertFalse(Files.exists(cache.resolve("models--Xenova--nllb-200-distilled-600M/blobs")
                    .resolve(FakeHub.sha256(files.get(other)))), other);
        }
    }

    @Test
    void fp32VariantTakesExternalDataWhenListed() {
        files.put("onnx/encoder_model.onnx_data", HubFixtures.bytes(5_000, 11));
        String withData = hub.repo(HubFixtures.NLLB).commit(files);

        HubSnapshot snapshot = new HubClient(HubFixtures.settings(hub, cache))
                .fetch(HubFixtures.NLLB, "main", ModelFileSelection.nllb(ModelVariant.FP32));

        assertEquals(withData, snapshot.commit());
        assertTrue(snapshot.files().contains("onnx/encoder_model.onnx_data"));
        assertTrue(snapshot.files().contains("onnx/encoder_model.onnx"));
        assertFalse(snapshot.files().contains("onnx/decoder_model_merged.onnx_data"), "not listed, not fetched");
        assertEquals(0, hub.countPath("/" + HubFixtures.NLLB + "/resolve/" + withData + "/onnx/encoder_model_quantized"));
    }

    @Test
    void pinnedCommitAlreadyCachedNeedsNoRequestAtAll() {
        HubSettings settings = HubFixtures.settings(hub, cache);
        fetch(settings, commit);
        long before = hub.requests().size();

        HubSnapshot again = fetch(settings, commit);

        assertEquals(before, hub.requests().size(), "no network call for a cached pinned commit");
        assertEquals(commit, again.commit());
    }

    @Test
    void branchIsResolvedWithOneApiCallThenServedFromCache() {
        HubSettings settings = HubFixtures.settings(hub, cache);
        fetch(settings, "main");
        long before = hub.requests().size();

        fetch(settings, "main");

        // A branch can move, so its commit is checked once; the files of that commit are all cached.
        assertEquals(before + 1, hub.requests().size());
        assertEquals(2, hub.countPath("/api/models/" + HubFixtures.NLLB + "/revision/main"));
    }

    @Test
    void movedBranchFetchesOnlyTheChangedFiles() {
        HubSettings settings = HubFixtures.settings(hub, cache);
        fetch(settings, "main");
        files.put("config.json", "{\"model_type\":\"m2m_100\",\"changed\":true}".getBytes());
        String second = hub.repo(HubFixtures.NLLB).commit(files);
        long blobRequests = hub.countPath("/blobs/");

        HubSnapshot snapshot = fetch(settings, "main");

        assertEquals(second, snapshot.commit());
        assertEquals(blobRequests, hub.countPath("/blobs/"), "unchanged LFS blobs are reused, not transferred");
        assertEquals(second, new HubCache(cache).readRef(HubFixtures.NLLB, "main").orElseThrow());
    }

    @Test
    void offlineWithWarmCacheMakesNoRequest() throws IOException {
        fetch(HubFixtures.settings(hub, cache), "main");
        hub.close();
        long before = hub.requests().size();

        HubSnapshot snapshot = fetch(HubFixtures.offline(HubFixtures.settings(hub, cache)), "main");

        assertEquals(before, hub.requests().size());
        assertEquals(commit, snapshot.commit());
        assertTrue(Files.isRegularFile(snapshot.file("onnx/decoder_model_merged_quantized.onnx")));
    }

    @Test
    void offlineWithColdCacheSaysWhatIsMissingWhere() {
        HubException error = assertThrows(HubException.class,
                () -> fetch(HubFixtures.offline(HubFixtures.settings(hub, cache)), "main"));

        assertEquals(HubException.Reason.NOT_CACHED, error.reason());
        assertTrue(error.getMessage().contains("HF_HUB_OFFLINE"), error.getMessage());
        assertTrue(error.getMessage().contains(cache.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(HubFixtures.NLLB + "@main"), error.getMessage());
        assertEquals(0, hub.requests().size());
    }

    @Test
    void offlineWithPartialCacheNamesTheMissingFile() throws IOException {
        fetch(HubFixtures.settings(hub, cache), "main");
        Files.delete(cache.resolve("models--Xenova--nllb-200-distilled-600M/snapshots").resolve(commit)
                .resolve("onnx/encoder_model_quantized.onnx"));

        HubException error = assertThrows(HubException.class,
                () -> fetch(HubFixtures.offline(HubFixtures.settings(hub, cache)), "main"));

        assertEquals(HubException.Reason.NOT_CACHED, error.reason());
        assertTrue(error.getMessage().contains("onnx/encoder_model_quantized.onnx"), error.getMessage());
        assertTrue(error.getMessage().contains(commit), error.getMessage());
    }

    @Test
    void unreachableHubFailsWithAdviceWhenTheCacheIsCold() throws IOException {
        HubSettings settings = HubFixtures.withRetry(HubFixtures.at(closedPort(), cache),
                new RetryPolicy(2, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10)));

        HubException error = assertThrows(HubException.class, () -> fetch(settings, "main"));

        assertEquals(HubException.Reason.UNREACHABLE, error.reason());
        for (String advice : new String[] {"SEMA_MODEL_DIR", "SEMA_LID_MODEL", "HF_HUB_OFFLINE=1", "HF_ENDPOINT"}) {
            assertTrue(error.getMessage().contains(advice), error.getMessage());
        }
    }

    @Test
    void unresolvableHostFailsFastWithAdvice() {
        HubSettings settings = HubFixtures.at(URI.create("http://no-such-host.invalid"), cache);

        HubException error = assertThrows(HubException.class, () -> fetch(settings, "main"));

        assertEquals(HubException.Reason.UNREACHABLE, error.reason());
        assertTrue(error.getMessage().contains("1 attempt"), "DNS failures are not retried: " + error.getMessage());
    }

    @Test
    void unreachableHubFallsBackToTheCachedCommitOfTheBranch() throws IOException {
        fetch(HubFixtures.settings(hub, cache), "main");
        HubSettings down = HubFixtures.withRetry(HubFixtures.at(closedPort(), cache),
                new RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO));

        HubSnapshot snapshot = fetch(down, "main");

        assertEquals(commit, snapshot.commit());
    }

    @Test
    void renamedRepositoryIsFollowedAndCachedUnderTheNameAsked() {
        hub.rename("Xenova/old-name", HubFixtures.NLLB);

        HubSnapshot snapshot = new HubClient(HubFixtures.settings(hub, cache))
                .fetch("Xenova/old-name", "main", ModelFileSelection.nllb(ModelVariant.QUANTIZED));

        assertEquals(commit, snapshot.commit());
        assertEquals(cache.resolve("models--Xenova--old-name/snapshots").resolve(commit), snapshot.dir());
        assertTrue(Files.isRegularFile(snapshot.file("onnx/encoder_model_quantized.onnx")));
    }

    @Test
    void revisionWithSlashesIsEncodedAndItsRefNested() throws IOException {
        hub.repo(HubFixtures.NLLB).branch("refs/pr/5", commit);

        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache), "refs/pr/5");

        assertEquals(commit, snapshot.commit());
        assertEquals(1, hub.countPath("/api/models/" + HubFixtures.NLLB + "/revision/refs%2Fpr%2F5"));
        assertEquals(commit, Files.readString(cache.resolve("models--Xenova--nllb-200-distilled-600M/refs/refs/pr/5")));
    }

    @Test
    void concurrentFetchesShareOneDownloadPerBlob() throws Exception {
        HubSettings settings = HubFixtures.settings(hub, cache);
        hub.throttle(2_000_000);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<HubSnapshot>>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> fetch(settings, "main")));
            }
            for (var future : futures) {
                HubSnapshot snapshot = future.get();
                assertArrayEquals(files.get("onnx/decoder_model_merged_quantized.onnx"),
                        Files.readAllBytes(snapshot.file("onnx/decoder_model_merged_quantized.onnx")));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, hub.count(r -> r.path().startsWith("/blobs/") && r.method().equals("GET")),
                "each of the 4 LFS files of the variant is transferred once");
    }

    @Test
    void hubOutageFallsBackToTheCacheButNotFoundDoesNot() {
        HubSettings settings = HubFixtures.settings(hub, cache);
        fetch(settings, "main");
        hub.failNext("/api/models/", 503, 100, null);

        assertEquals(commit, fetch(settings, "main").commit());

        hub.failNext("/api/models/", 404, 100, null);
        HubException error = assertThrows(HubException.class, () -> fetch(settings, "main"));
        assertEquals(HubException.Reason.NOT_FOUND, error.reason());
    }

    @Test
    void unusableCacheIsReportedAsSuch() throws IOException {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");

        HubException error = assertThrows(HubException.class,
                () -> fetch(HubFixtures.settings(hub, notADirectory.resolve("hub")), "main"));

        assertEquals(HubException.Reason.CACHE_UNWRITABLE, error.reason());
        assertTrue(error.getMessage().contains("HF_HUB_CACHE"), error.getMessage());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
