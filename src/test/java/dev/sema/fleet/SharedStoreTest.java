package dev.sema.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared store against real Redis servers: the machine's (127.0.0.1:6379, under a key prefix of this test's
 * own) for the happy path, and one started here on a free port for the outage, which the test stops and starts.
 */
class SharedStoreTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String prefix = "sema-test-" + UUID.randomUUID() + ":";
    private OwnRedis ownRedis;

    @BeforeEach
    void noLeftovers() {
        ownRedis = null;
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        if (ownRedis != null) {
            ownRedis.close();
        }
    }

    @Test
    void withoutUrlEveryCallIsEmptyAndNothingConnects() {
        try (SharedStore store = SharedStore.open(config(Optional.empty()), scheduler)) {
            assertFalse(store.enabled());
            assertFalse(store.up());
            assertEquals(Optional.empty(), store.call(c -> c.ping()));
            assertEquals(Optional.empty(), store.publish("channel", "message"));
        }
    }

    @Test
    void keysCarryThePrefixAndMessagesArrive() throws InterruptedException {
        try (SharedStore store = SharedStore.open(config(Optional.of(URI.create("redis://127.0.0.1:6379"))),
                scheduler)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            store.subscribe("news", received::add);
            Eventually.until("the store connects", store::up);
            assertEquals(prefix + "a:b", store.key("a", "b"));
            try {
                assertEquals(Optional.of("OK"), store.call(c -> c.set(store.key("k"), "v")));
                assertEquals(Optional.of("v"), store.call(c -> c.get(prefix + "k")));
                assertEquals(Optional.empty(), store.call(c -> c.get(store.key("absent"))));
                // the subscription may still be on its way: publish until it is heard, within the deadline
                String message = null;
                long deadline = System.nanoTime() + Eventually.DEADLINE.toNanos();
                while (message == null && System.nanoTime() < deadline) {
                    assertTrue(store.publish("news", "hello").isPresent());
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
        ownRedis = OwnRedis.start();
        try (SharedStore store = SharedStore.open(config(Optional.of(ownRedis.url())), scheduler)) {
            Eventually.until("the store connects", store::up);
            assertEquals(Optional.of("OK"), store.call(c -> c.set(store.key("k"), "before")));

            ownRedis.stop();
            Eventually.until("the outage is noticed", () -> !store.up());
            long start = System.nanoTime();
            assertEquals(Optional.empty(), store.call(c -> c.get(store.key("k"))));
            assertTrue(System.nanoTime() - start < config(Optional.empty()).timeout().toNanos(),
                    "while down, a call does not wait for Redis");

            ownRedis.startAgain();
            Eventually.until("the store reconnects by itself", store::up);
            assertEquals(Optional.of("OK"), store.call(c -> c.set(store.key("k"), "after")));
            assertEquals(Optional.of("after"), store.call(c -> c.get(store.key("k"))));
        }
    }

    private SharedStoreConfig config(Optional<URI> url) {
        // generous for a loaded machine; a call while Redis is down must still return without waiting for it
        return new SharedStoreConfig(url, prefix, Duration.ofSeconds(5), Duration.ofMillis(200));
    }
}
