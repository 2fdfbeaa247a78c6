package dev.sema.signatures;

import dev.sema.fleet.Eventually;
import dev.sema.fleet.SharedStore;
import dev.sema.fleet.TestStores;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nonces in memory (bounded, expiring) and in the machine's real Redis, where two servers share them. */
class NoncesTest {

    private static final Duration WINDOW = Duration.ofSeconds(600);

    @Test
    void inMemoryANonceIsRememberedForTheWindowPerKeyAndTheOldestLeaveFirst() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        try (SharedStore none = MessageSignaturesTest.withoutRedis()) {
            Nonces nonces = new Nonces(none, WINDOW, 3, now::get);
            assertTrue(nonces.firstUse("key_a", "n1"));
            assertFalse(nonces.firstUse("key_a", "n1"));
            assertTrue(nonces.firstUse("key_b", "n1"), "another key's nonce");
            now.addAndGet(WINDOW.toMillis());
            assertTrue(nonces.firstUse("key_a", "n1"), "after the window");
            assertTrue(nonces.firstUse("key_a", "n2"));
            assertTrue(nonces.firstUse("key_a", "n3"));
            assertTrue(nonces.firstUse("key_a", "n4"));
            assertEquals(3, nonces.remembered());
            assertFalse(nonces.firstUse("key_a", "n4"));
        }
    }

    @Test
    void inRedisTwoServersShareTheirNonces() throws Exception {
        try (TestStores stores = new TestStores()) {
            SharedStore one = stores.closeAtEnd(stores.open(TestStores.SHARED_REDIS));
            SharedStore two = stores.closeAtEnd(stores.open(TestStores.SHARED_REDIS));
            Eventually.until("both stores connect", () -> one.up() && two.up());
            Nonces first = new Nonces(one, WINDOW, 10, System::currentTimeMillis);
            Nonces second = new Nonces(two, WINDOW, 10, System::currentTimeMillis);
            assertTrue(first.firstUse("key_a", "shared"));
            assertFalse(second.firstUse("key_a", "shared"));
            assertTrue(second.firstUse("key_b", "shared"));
            assertEquals(0, first.remembered(), "nothing kept in memory while Redis answers");
            Long ttl = one.call(c -> c.pttl(one.key("nonce", "key_a:shared"))).orElseThrow();
            assertTrue(ttl > 0 && ttl <= WINDOW.toMillis(), "expires with the window: " + ttl);
        }
    }
}
