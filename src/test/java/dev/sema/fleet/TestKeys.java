package dev.sema.fleet;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;

/** Tests share the machine's Redis, each under a prefix of its own, and leave nothing behind. */
public final class TestKeys {

    private TestKeys() {
    }

    /** Deletes every key under {@code prefix}. */
    public static void deleteAll(RedisCommands<String, String> redis, String prefix) {
        ScanIterator.scan(redis, ScanArgs.Builder.matches(prefix + "*").limit(1000)).stream().forEach(redis::del);
    }
}
