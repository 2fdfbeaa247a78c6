package dev.sema.idempotency;

import dev.sema.fleet.SharedStore;
import io.lettuce.core.ScriptOutputType;

import java.util.Optional;

/** Records in the Redis the replicas share, each operation one Lua script (atomic on the server). */
final class SharedRecords implements Records {

    private static final String CLAIM_OR_READ = """
            local v = redis.call('GET', KEYS[1])
            if v then return v end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return ''""";
    private static final String REPLACE = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1""";
    private static final String DELETE = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            return redis.call('DEL', KEYS[1])""";
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])""";

    private final SharedStore store;

    SharedRecords(SharedStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> claimOrRead(String key, String pending, long ttlMillis) {
        return store.call(c -> c.<String>eval(CLAIM_OR_READ, ScriptOutputType.VALUE, new String[] {redisKey(key)},
                pending, Long.toString(ttlMillis)));
    }

    @Override
    public Optional<Boolean> replace(String key, String expected, String value, long ttlMillis) {
        return flag(REPLACE, key, expected, value, Long.toString(ttlMillis));
    }

    @Override
    public Optional<Boolean> delete(String key, String expected) {
        return flag(DELETE, key, expected);
    }

    @Override
    public Optional<Boolean> renew(String key, String expected, long ttlMillis) {
        return flag(RENEW, key, expected, Long.toString(ttlMillis));
    }

    private Optional<Boolean> flag(String script, String key, String... args) {
        return store.<Long>call(c -> c.eval(script, ScriptOutputType.INTEGER, new String[] {redisKey(key)}, args))
                .map(n -> n == 1L);
    }

    private String redisKey(String key) {
        return store.key("idem", key);
    }
}
