package dev.sema.models.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted, stalled, corrupted and refused transfers of a 3 MiB "language identification model". */
class HubDownloadFaultsTest {

    private static final int SIZE = 3 * 1024 * 1024;
    private static final int MIB = 1024 * 1024;
    private static final ModelFileSelection LID = ModelFileSelection.single("language identification", "model.bin");

    @TempDir
    Path cache;
    FakeHub hub;
    byte[] model;
    String commit;

    @BeforeEach
    void startHub() throws IOException {
        hub = FakeHub.start();
        model = HubFixtures.bytes(SIZE, 42);
        commit = hub.repo(HubFixtures.LID).commit(Map.of("model.bin", model, "README.md", "# LID".getBytes()));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubSnapshot fetch(HubSettings settings) {
        return new HubClient(settings).fetch(HubFixtures.LID, "main", LID);
    }

    private List<FakeHub.Request> blobGets() {
        return hub.requests().stream().filter(r -> r.path().startsWith("/blobs/") && r.method().equals("GET")).toList();
    }

    private Path blob() {
        return cache.resolve("models--facebook--fasttext-language-identification/blobs").resolve(FakeHub.sha256(model));
    }

    @Test
    void droppedConnectionIsResumedWithARangeRequest() throws IOException {
        hub.dropConnectionOnce("model.bin", MIB, Duration.ZERO);

        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache));

        assertArrayEquals(model, Files.readAllBytes(snapshot.file("model.bin")));
        List<FakeHub.Request> gets = blobGets();
        assertEquals(2, gets.size(), gets.toString());
        assertEquals(null, gets.get(0).range());
        long resumedAt = Long.parseLong(gets.get(1).range().replaceAll("\\D", ""));
        assertTrue(resumedAt > 0 && resumedAt <= MIB, "resumed at byte " + resumedAt);
        assertEquals(FakeHub.sha256(model), BlobChecksum.sha256(Files.readAllBytes(blob())));
    }

    @Test
    void repeatedDropsWithProgressDoNotExhaustTheRetries() throws IOException {
        hub.dropConnection("model.bin", 256 * 1024, 8, Duration.ZERO);

        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache)); // 4 attempts, but each drop made progress

        assertArrayEquals(model, Files.readAllBytes(snapshot.file("model.bin")));
        assertEquals(9, blobGets().size());
    }

    @Test
    void repeatedDropsWithoutProgressGiveUp() {
        hub.dropConnection("model.bin", 0, 100, Duration.ZERO);

        HubException error = assertThrows(HubException.class, () -> fetch(HubFixtures.settings(hub, cache)));

        assertEquals(HubException.Reason.UNREACHABLE, error.reason());
        assertTrue(error.getMessage().contains("downloading model.bin") && error.getMessage().contains("4 attempt(s)"),
                error.getMessage());
        assertEquals(4, blobGets().size());
    }

    @Test
    void incompleteFileFromAnEarlierRunIsResumed() throws IOException {
        Files.createDirectories(blob().getParent());
        Files.write(blob().resolveSibling(blob().getFileName() + ".incomplete"), Arrays.copyOf(model, MIB));

        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache));

        assertArrayEquals(model, Files.readAllBytes(snapshot.file("model.bin")));
        List<FakeHub.Request> gets = blobGets();
        assertEquals(1, gets.size());
        assertEquals("bytes=" + MIB + "-", gets.get(0).range());
        assertFalse(Files.exists(blob().resolveSibling(blob().getFileName() + ".incomplete")));
    }

    @Test
    void stalledTransferIsAbortedAndResumed() throws IOException {
        Duration stall = Duration.ofSeconds(20);
        hub.dropConnectionOnce("model.bin", MIB, stall);
        HubSettings settings = HubFixtures.withTimeouts(HubFixtures.settings(hub, cache), Duration.ofSeconds(5),
                Duration.ofMillis(300), Duration.ofSeconds(5));
        long start = System.nanoTime();

        HubSnapshot snapshot = fetch(settings);

        // Ordinal: the whole download took less than the server's (wall-clock) stall alone would have.
        assertTrue(System.nanoTime() - start < stall.toNanos(), "the stall was cut short");
        assertArrayEquals(model, Files.readAllBytes(snapshot.file("model.bin")));
        assertEquals(2, blobGets().size());
        assertTrue(blobGets().get(1).range().startsWith("bytes="));
    }

    @Test
    void corruptedDownloadIsDetectedAndDeleted() throws IOException {
        hub.corrupt("model.bin");

        HubException error = assertThrows(HubException.class, () -> fetch(HubFixtures.settings(hub, cache)));

        assertEquals(HubException.Reason.CHECKSUM_MISMATCH, error.reason());
        String actual = BlobChecksum.sha256(corrupted(model));
        for (String part : new String[] {"model.bin", FakeHub.sha256(model), actual, "deleted"}) {
            assertTrue(error.getMessage().contains(part), error.getMessage());
        }
        try (var files = Files.list(blob().getParent())) {
            assertEquals(List.of(), files.toList(), "neither the blob nor the .incomplete file remain");
        }
        assertFalse(Files.exists(cache.resolve("models--facebook--fasttext-language-identification/snapshots")
                .resolve(commit).resolve("model.bin")));
    }

    private static byte[] corrupted(byte[] content) {
        byte[] copy = content.clone();
        copy[copy.length / 2] ^= 0x5A;
        return copy;
    }

    @Test
    void serviceUnavailableIsRetriedThenSucceeds() throws IOException {
        hub.failNext("/api/models/", 503, 2, null);
        hub.failNext("/blobs/", 502, 1, null);

        HubSnapshot snapshot = fetch(HubFixtures.settings(hub, cache));

        assertArrayEquals(model, Files.readAllBytes(snapshot.file("model.bin")));
        assertEquals(3, hub.countPath("/api/models/"));
        assertEquals(2, blobGets().size());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        hub.failNext("/api/models/", 429, 1, 1);
        long start = System.nanoTime();

        fetch(HubFixtures.settings(hub, cache));

        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(), "waited Retry-After: 1");
        assertEquals(2, hub.countPath("/api/models/"));
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheConfiguredAttempts() {
        hub.failNext("/api/models/", 503, 100, null);

        HubException error = assertThrows(HubException.class, () -> fetch(HubFixtures.settings(hub, cache)));

        assertEquals(HubException.Reason.HUB_ERROR, error.reason());
        assertTrue(error.getMessage().contains("HTTP 503 4 time(s)"), error.getMessage());
        assertEquals(4, hub.countPath("/api/models/"), "bounded by RetryPolicy.maxAttempts");
    }

    @Test
    void progressIsLoggedAtABoundedRate() {
        hub.throttle(4 * MIB);
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(TransferProgress.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() == null ? "" : new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setLevel(Level.INFO);
        HubSettings settings = HubFixtures.withTimeouts(HubFixtures.settings(hub, cache), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofMillis(200));
        long start = System.nanoTime();
        try {
            fetch(settings);
        } finally {
            logger.removeHandler(capture);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // 3 MiB in 64 KiB reads is at least 48 chunks; lines come per 10 % or per 200 ms only.
        assertTrue(lines.size() >= 9, lines.toString());
        assertTrue(lines.size() <= 10 + seconds / 0.2 + 1, lines.size() + " lines in " + seconds + " s");
        assertTrue(lines.stream().allMatch(l -> l.matches("Downloading model\\.bin: \\d+% \\(.*\\) at .*/s, ETA .*")),
                lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("100%"), lines.toString());
    }
}
