package dev.sema.signatures;

import dev.sema.fleet.SharedStore;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The nonces of signed requests seen within the window, per key: in the Redis the replicas share (one
 * {@code SET NX PX}, so two replicas never both admit one nonce), or in this server's memory without Redis and while
 * it is away, bounded by {@link SignatureConfig#nonceMemoryEntries()}, the oldest leaving first.
 */
public final class Nonces {

    /** 1 when the nonce was new (and is now remembered), 0 when it was seen. */
    private static final String FIRST_USE = """
            if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 1 end
            return 0""";

    private final SharedStore store;
    private final long windowMillis;
    private final int memoryEntries;
    private final LongSupplier millis;
    /** Expiry per nonce, in insertion order, so the oldest is evicted first. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    Nonces(SharedStore store, Duration window, int memoryEntries, LongSupplier millis) {
        this.store = store;
        this.windowMillis = window.toMillis();
        this.memoryEntries = memoryEntries;
        this.millis = millis;
    }

    public static Nonces open(SignatureConfig config, SharedStore store) {
        return new Nonces(store, config.nonceWindow(), config.nonceMemoryEntries(), System::currentTimeMillis);
    }

    /** Whether this is the first use of {@code nonce} by {@code keyId} within the window; it counts as used now. */
    boolean firstUse(String keyId, String nonce) {
        String key = keyId + ":" + nonce;
        return store.<Long>call(c -> c.eval(FIRST_USE, ScriptOutputType.INTEGER, new String[] {store.key("nonce",
                        key)}, Long.toString(windowMillis)))
                .map(n -> n == 1L)
                .orElseGet(() -> firstUseHere(key));
    }

    private synchronized boolean firstUseHere(String key) {
        long now = millis.getAsLong();
        Long expires = seen.get(key);
        if (expires != null && expires - now > 0) {
            return false;
        }
        seen.remove(key);
        seen.put(key, now + windowMillis);
        // insertion order is expiry order: drop from the front what expired, and what is over the bound
        Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Long> entry = oldest.next();
            if (seen.size() <= memoryEntries && entry.getValue() - now > 0) {
                break;
            }
            oldest.remove();
        }
        return true;
    }

    synchronized int remembered() {
        return seen.size();
    }
}
