package dev.sema.idempotency;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Records in this server's memory, for a server without Redis (or while Redis is away): bounded by
 * {@code memoryBytes}, the oldest records leaving first, and each expiring as in Redis.
 */
final class LocalRecords implements Records {

    private record Entry(String value, long expiresAt) {
    }

    private final long memoryBytes;
    private final LongSupplier millis;
    /** In insertion order, so the oldest is evicted first. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long bytes;

    LocalRecords(long memoryBytes, LongSupplier millis) {
        this.memoryBytes = memoryBytes;
        this.millis = millis;
    }

    @Override
    public synchronized Optional<String> claimOrRead(String key, String pending, long ttlMillis) {
        Entry entry = live(key);
        if (entry != null) {
            return Optional.of(entry.value());
        }
        put(key, pending, ttlMillis);
        return Optional.of("");
    }

    @Override
    public synchronized Optional<Boolean> replace(String key, String expected, String value, long ttlMillis) {
        boolean held = holds(key, expected);
        if (held) {
            remove(key);
            put(key, value, ttlMillis);
        }
        return Optional.of(held);
    }

    @Override
    public synchronized Optional<Boolean> delete(String key, String expected) {
        boolean held = holds(key, expected);
        if (held) {
            remove(key);
        }
        return Optional.of(held);
    }

    @Override
    public synchronized Optional<Boolean> renew(String key, String expected, long ttlMillis) {
        boolean held = holds(key, expected);
        if (held) {
            entries.put(key, new Entry(expected, millis.getAsLong() + ttlMillis));
        }
        return Optional.of(held);
    }

    synchronized long bytes() {
        return bytes;
    }

    private boolean holds(String key, String expected) {
        Entry entry = live(key);
        return entry != null && entry.value().equals(expected);
    }

    /** The key's entry unless it expired (then it is dropped). */
    private Entry live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt() - millis.getAsLong() <= 0) {
            remove(key);
            return null;
        }
        return entry;
    }

    private void put(String key, String value, long ttlMillis) {
        entries.put(key, new Entry(value, millis.getAsLong() + ttlMillis));
        bytes += size(key, value);
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > memoryBytes && oldest.hasNext()) {
            Map.Entry<String, Entry> e = oldest.next();
            bytes -= size(e.getKey(), e.getValue().value());
            oldest.remove();
        }
    }

    private void remove(String key) {
        Entry entry = entries.remove(key);
        if (entry != null) {
            bytes -= size(key, entry.value());
        }
    }

    private static long size(String key, String value) {
        return 2L * (key.length() + value.length()) + 64;
    }
}
