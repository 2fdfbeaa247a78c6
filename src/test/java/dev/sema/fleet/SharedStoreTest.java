package dev.sema.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shared store against real Redis servers: the machine's (127.0.0.1:6379, under a key prefix of this test's
 * own) for the happy path, and one started here on a free port for the outage, which the test stops and starts.
 */
class SharedStoreTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String prefix = "sema-test-" + UUID.randomUUID() + ":";
    private Process ownRedis;

    @BeforeEach
    void noLeftovers() {
        ownRedis = null;
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        if (ownRedis != null) {
            ownRedis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutUrlEveryCallIsEmptyAndNothingConnects() {
        try (SharedStore store = SharedStore.open(config(Optional.empty()), scheduler)) {
            assertFalse(store.enabled());
            assertFalse(store.up());
            assertEquals(Optional.empty(), store.call(c -> c.ping()));
            assertFalse(store.publish("channel", "message"));
        }
    }

    @Test
    void keysCarryThePrefixAndMessagesArrive() throws InterruptedException {
        try (SharedStore store = SharedStore.open(config(Optional.of(URI.create("redis://127.0.0.1:6379"))),
                scheduler)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            store.subscribe("news", received::add);
            await("the store connects", store::up);
            assertEquals(prefix + "a:b", store.key("a", "b"));
            try {
                assertEquals(Optional.of("OK"), store.call(c -> c.set(store.key("k"), "v")));
                assertEquals(Optional.of("v"), store.call(c -> c.get(prefix + "k")));
                assertEquals(Optional.empty(), store.call(c -> c.get(store.key("absent"))));
                // the subscription may still be on its way: publish until it is heard, within the deadline
                String message = null;
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (message == null && System.nanoTime() < deadline) {
                    assertTrue(store.publish("news", "hello"));
                    message = received.poll(200, TimeUnit.MILLISECONDS);
                }
                assertEquals("hello", message);
            } finally {
                store.call(c -> c.del(store.key("k")));
            }
        }
    }

    @Test
    void anOutageAnswersEmptyAtOnceAndRecoversWithoutRestart() throws Exception {
        int port = freePort();
        ownRedis = startRedis(port);
        try (SharedStore store = SharedStore.open(config(Optional.of(URI.create("redis://127.0.0.1:" + port))),
                scheduler)) {
            await("the store connects", store::up);
            assertEquals(Optional.of("OK"), store.call(c -> c.set(store.key("k"), "before")));

            ownRedis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            await("the outage is noticed", () -> !store.up());
            long start = System.nanoTime();
            assertEquals(Optional.empty(), store.call(c -> c.get(store.key("k"))));
            assertTrue(System.nanoTime() - start < config(Optional.empty()).timeout().toNanos(),
                    "while down, a call does not wait for Redis");

            ownRedis = startRedis(port);
            await("the store reconnects by itself", store::up);
            assertEquals(Optional.of("OK"), store.call(c -> c.set(store.key("k"), "after")));
            assertEquals(Optional.of("after"), store.call(c -> c.get(store.key("k"))));
        }
    }

    private SharedStoreConfig config(Optional<URI> url) {
        return new SharedStoreConfig(url, prefix, Duration.ofMillis(500), Duration.ofMillis(200));
    }

    private static Process startRedis(int port) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sema-redis");
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return redis;
            } catch (IOException notYet) {
                if (!redis.isAlive()) {
                    fail("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        }
        redis.destroyForcibly();
        throw new AssertionError("redis-server did not listen on " + port + " within " + DEADLINE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within " + DEADLINE);
            }
            Thread.sleep(20);
        }
    }
}
