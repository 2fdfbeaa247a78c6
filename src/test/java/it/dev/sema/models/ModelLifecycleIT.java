package it.dev.sema.models;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The model lifecycle on {@code semaHubIT}, whose models come from the fake Hub process over HTTP into an empty
 * cache: a slow first download (server up, not ready, 503 model_loading), then hot reloads under load. The
 * methods run in order: each continues from the state the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelLifecycleIT {

    private static final String TRANSLATION = "translation";
    private static final String LID = "language_identification";
    private static final Path CACHE = Path.of("target", "hub-it-cache");

    private final HubServer hub = new HubServer();

    @BeforeAll
    static void needsLid176() {
        Path lid = Path.of(System.getProperty("sema.shared.dir", "../shared"), "models", "lid.176.ftz");
        assumeTrue(Files.isRegularFile(lid), "SKIPPED: " + lid + " (shared lid.176 model) is missing, so the fake"
                + " Hub serves no language identification model and semaHubIT never becomes ready; set"
                + " sema.shared.dir to run the model lifecycle ITs");
    }

    @Test
    @Order(1)
    void firstDownloadServesUnreadyThenReady() {
        // The fake Hub starts throttled to 16 B/s, so the first download is still running here.
        assertEquals("UP", hub.get("/health/live", Map.of()).expect(200).json().getString("status"));
        JsonObject ready = hub.get("/health/ready", Map.of()).expect(503).json();
        String data = ready.getJsonArray("checks").toString();
        assertTrue(data.contains("LOADING"), "readiness says a model is loading: " + data);
        hub.get("/health/started", Map.of()).expect(503);
        Http.Reply translate = hub.translate("Hello");
        translate.error(503, "model_loading");
        assertNotNull(translate.header("Retry-After"), "Retry-After on 503");
        hub.post("/api/v1/detect-language", "{\"text\":\"Bonjour tout le monde\"}", Map.of())
                .error(503, "model_loading");
        assertEquals("LOADING", hub.statusOf(TRANSLATION).getString("state"));

        long start = System.nanoTime();
        HubServer.throttleFakeHub(0);
        await("both models ready", 90, () -> hub.get("/health/ready", Map.of()).status() == 200);
        System.out.printf("ModelLifecycleIT: models ready %.1f s after the throttle was lifted%n",
                (System.nanoTime() - start) / 1e9);
        hub.get("/health/started", Map.of()).expect(200);

        JsonObject nllb = hub.statusOf(TRANSLATION);
        JsonObject info = nllb.getJsonObject("info");
        assertEquals("READY", nllb.getString("state"));
        assertEquals("huggingface", info.getString("source"));
        assertEquals("sema-test/nllb-echo", info.getString("repo"));
        assertEquals("main", info.getString("revision"));
        assertEquals("fp32", info.getString("variant"));
        assertTrue(info.getString("commit").matches("[0-9a-f]{40}"), info.toString());
        assertTrue(info.getJsonNumber("load_time_seconds").doubleValue() > 0, info.toString());
        assertNotNull(nllb.getString("loaded_at"));
        Path snapshot = CACHE.resolve("models--sema-test--nllb-echo").resolve("snapshots")
                .resolve(info.getString("commit"));
        assertTrue(Files.isRegularFile(snapshot.resolve("onnx/decoder_model_merged.onnx")), "cached: " + snapshot);
        assertEquals("sema-test/lid", hub.statusOf(LID).getJsonObject("info").getString("repo"));

        assertEquals("Hello", hub.translate("Hello").expect(200).json().getString("translated_text"));
        assertEquals("fra_Latn", hub.post("/api/v1/detect-language", "{\"text\":\"Bonjour tout le monde, comment"
                + " allez-vous ?\"}", Map.of()).expect(200).json().getString("detected_language"));
    }

    @Test
    @Order(2)
    void reloadsUnderLoadLoseNoRequestAndLeakNoModel() throws Exception {
        String commitA = commit();
        long rssBefore = rssKb();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String text = "Request " + i + " über naïve café.";
                try {
                    Http.Reply reply = hub.translate(text);
                    if (reply.status() != 200) {
                        failures.add(reply.status() + " " + reply.body());
                    } else if (!text.equals(reply.json().getString("translated_text"))) {
                        failures.add("wrong translation of '" + text + "': " + reply.body());
                    } else {
                        served.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        }, "translate-client");
        client.start();
        try {
            await("the client is translating", 30, () -> served.get() > 5);

            JsonObject v2 = hub.post("/api/v1/admin/models/reload?wait=true", "{\"revision\":\"v2\"}",
                    HubServer.ADMIN).expect(200).json();
            assertEquals("completed", v2.getString("status"));
            String commitB = commit();
            assertNotEquals(commitA, commitB, "v2 is another commit");
            assertEquals("v2", hub.statusOf(TRANSLATION).getJsonObject("info").getString("revision"));
            assertEquals("single", v2.getString("fleet"), "no Redis: this server alone, nobody notified");
            assertFalse(v2.containsKey("replicas_notified"), v2.toString());
            JsonObject self = hub.get("/api/v1/admin/models", HubServer.ADMIN).expect(200).json()
                    .getJsonArray("replicas").getJsonObject(0);
            JsonObject translation = self.getJsonArray("models").getJsonObject(0);
            assertEquals(commitB, translation.getString("commit"), "the fleet view shows the served commit");
            assertEquals(hub.statusOf(TRANSLATION).getJsonObject("info").getString("content_id"),
                    translation.getString("content_id"));

            JsonObject missing = hub.post("/api/v1/admin/models/reload?wait=true",
                    "{\"revision\":\"no-such-revision\"}", HubServer.ADMIN).error(502, "reload_failed");
            assertTrue(missing.getString("detail").contains("no-such-revision"), missing.toString());
            JsonObject afterFailure = hub.statusOf(TRANSLATION);
            assertEquals("READY", afterFailure.getString("state"));
            assertEquals(commitB, afterFailure.getJsonObject("info").getString("commit"), "the old model serves");
            assertTrue(afterFailure.getString("detail").startsWith("last reload failed: "), afterFailure.toString());

            JsonObject plain = hub.post("/api/v1/admin/models/reload", "", HubServer.ADMIN).expect(202).json();
            assertEquals("accepted", plain.getString("status"));
            assertEquals(List.of(TRANSLATION, LID), plain.getJsonArray("reloading").getValuesAs(
                    jakarta.json.JsonString::getString));
            await("the configured revision serves again", 60, () -> {
                JsonObject nllb = hub.statusOf(TRANSLATION);
                JsonObject lid = hub.statusOf(LID);
                return commitA.equals(nllb.getJsonObject("info").getString("commit")) && settled(nllb)
                        && settled(lid);
            });
            int before = served.get();
            await("requests flow after the reloads", 30, () -> served.get() > before + 5);
        } finally {
            stop.set(true);
            client.join(60_000);
        }
        assertFalse(client.isAlive(), "the translate client did not stop within 60 s");
        assertTrue(failures.isEmpty(), failures.size() + " failed requests, e.g. " + failures.peek());
        System.out.printf("ModelLifecycleIT: %d translations during three reloads, none failed%n", served.get());
        assertEquals(1, hub.adminOf(TRANSLATION).getInt("live_models"), "replaced models are closed");
        assertEquals(1, hub.adminOf(LID).getInt("live_models"), "replaced models are closed");

        for (int i = 0; i < 6; i++) {
            hub.post("/api/v1/admin/models/reload?wait=true", "{\"model\":\"translation\"}", HubServer.ADMIN)
                    .expect(200);
        }
        assertEquals(1, hub.adminOf(TRANSLATION).getInt("live_models"));
        long rssAfter = rssKb();
        if (rssBefore > 0 && rssAfter > 0) {
            System.out.printf("ModelLifecycleIT: server RSS %d MB before, %d MB after 9 reloads%n",
                    rssBefore / 1024, rssAfter / 1024);
            assertTrue(rssAfter - rssBefore < 256 * 1024, "RSS grew from " + rssBefore + " kB to " + rssAfter + " kB");
        }
    }

    /** No reload running and none failed: the slot's detail is gone. */
    private static boolean settled(JsonObject slot) {
        return !slot.containsKey("detail") || slot.isNull("detail");
    }

    private String commit() {
        return hub.statusOf(TRANSLATION).getJsonObject("info").getString("commit");
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws RuntimeException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + seconds + " s waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    /** Resident memory of the semaHubIT JVM in kB, or -1 where /proc or its command line cannot be read. */
    private static long rssKb() {
        Optional<ProcessHandle> server = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("semaHubIT") && c.contains("ws-server.jar")).orElse(false)).findFirst();
        if (server.isEmpty()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.get().pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
