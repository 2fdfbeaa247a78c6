package dev.sema.models.hub;

import dev.sema.nllb.ModelVariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gated repositories, tokens, and the 404s of wrong repository, revision or file names. */
class HubAccessTest {

    private static final String TOKEN = "hf_fakeToken123";
    private static final ModelFileSelection LID = ModelFileSelection.single("language identification", "model.bin");

    @TempDir
    Path cache;
    FakeHub hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = FakeHub.startWithCdn();
        hub.repo(HubFixtures.LID).commit(Map.of("model.bin", HubFixtures.bytes(200_000, 5)));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubException failure(HubSettings settings, String repo, String revision, ModelFileSelection files) {
        return assertThrows(HubException.class, () -> new HubClient(settings).fetch(repo, revision, files));
    }

    private static void assertMentions(HubException error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), "'" + part + "' missing from: " + error.getMessage());
        }
    }

    @Test
    void gatedRepositoryWithoutTokenExplainsHfTokenAndLicence() {
        hub.repo(HubFixtures.LID).gated(TOKEN);

        HubException error = failure(HubFixtures.settings(hub, cache), HubFixtures.LID, "main", LID);

        assertEquals(HubException.Reason.UNAUTHORIZED, error.reason());
        assertMentions(error, "HF_TOKEN", "licence", HubFixtures.LID, "401", "No token was sent");
    }

    @Test
    void rejectedTokenIsReportedAsSuch() {
        hub.repo(HubFixtures.LID).gated(TOKEN);

        HubException error = failure(HubFixtures.withToken(HubFixtures.settings(hub, cache), "hf_wrong"),
                HubFixtures.LID, "main", LID);

        assertEquals(HubException.Reason.UNAUTHORIZED, error.reason());
        assertMentions(error, "was not accepted");
    }

    @Test
    void tokenGoesToTheHubAsBearerButNeverToTheCdn() {
        hub.repo(HubFixtures.LID).gated(TOKEN);

        new HubClient(HubFixtures.withToken(HubFixtures.settings(hub, cache), TOKEN))
                .fetch(HubFixtures.LID, "main", LID);

        assertTrue(hub.count(FakeHub.Request::cdn) > 0, "the blob came from the CDN origin");
        hub.requests().forEach(r -> {
            if (r.cdn()) {
                assertNull(r.authorization(), "token leaked to " + r.path());
            } else {
                assertEquals("Bearer " + TOKEN, r.authorization(), r.path());
            }
        });
    }

    @Test
    void expiredCdnLinkIsRenewedWithoutBlamingTheToken() {
        hub.failNext("/blobs/", 403, 1, null);

        HubSnapshot snapshot = new HubClient(HubFixtures.settings(hub, cache)).fetch(HubFixtures.LID, "main", LID);

        assertEquals(2, hub.count(r -> r.method().equals("HEAD") && r.path().endsWith("/model.bin")),
                "a fresh link was asked for");
        assertEquals(2, hub.count(r -> r.cdn() && r.method().equals("GET")));
        assertTrue(java.nio.file.Files.isRegularFile(snapshot.file("model.bin")));
    }

    @Test
    void unknownRepositoryIsNamed() {
        HubException error = failure(HubFixtures.settings(hub, cache), "facebook/no-such-model", "main", LID);

        assertEquals(HubException.Reason.NOT_FOUND, error.reason());
        assertMentions(error, "facebook/no-such-model", "was not found", "sema.model-repo");
    }

    @Test
    void unknownRevisionIsNamed() {
        HubException error = failure(HubFixtures.settings(hub, cache), HubFixtures.LID, "v9.9", LID);

        assertEquals(HubException.Reason.NOT_FOUND, error.reason());
        assertMentions(error, "'v9.9'", HubFixtures.LID, "404", "sema.model-revision");
    }

    @Test
    void missingFileIsNamed() {
        HubException error = failure(HubFixtures.settings(hub, cache), HubFixtures.LID, "main",
                ModelFileSelection.single("language identification", "lid218e.ftz"));

        assertEquals(HubException.Reason.NOT_FOUND, error.reason());
        assertMentions(error, "lid218e.ftz", HubFixtures.LID);
    }

    @Test
    void variantAbsentFromTheRepositoryIsNamed() {
        Map<String, byte[]> files = HubFixtures.nllbFiles();
        files.keySet().removeIf(f -> f.contains("_fp16"));
        hub.repo(HubFixtures.NLLB).commit(files);

        HubException error = failure(HubFixtures.settings(hub, cache), HubFixtures.NLLB, "main",
                ModelFileSelection.nllb(ModelVariant.FP16));

        assertEquals(HubException.Reason.NOT_FOUND, error.reason());
        assertMentions(error, "onnx/encoder_model_fp16.onnx", "onnx/decoder_model_merged_fp16.onnx", "NLLB variant fp16");
        assertEquals(0, hub.countPath("/blobs/"));
    }
}
