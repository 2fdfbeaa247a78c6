package dev.sema.guard;

import dev.sema.fleet.SharedStore;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The windows of all replicas together, in the {@link SharedStore}: per client one sorted set of admissions (score:
 * Redis's time in ms, member: unique per admission), judged and updated by one Lua script, which Redis runs
 * atomically: concurrent requests on any replica each see the others' admissions, and replicas' clocks do not
 * matter. Like {@link AdmissionLog}, the set keeps only admissions younger than the longest window, so at most that
 * window's limit of them (nothing is admitted beyond it), and expires with that window.
 */
final class SharedWindows {

    /**
     * KEYS[1]: the client's set. ARGV[1]: tokens; ARGV[2]: a member prefix unique to this request; then per window
     * its limit and length in ms, shortest first. Answers {now, then per window: used, oldest, freeing} (see
     * {@link WindowUsage}), from which {@link RateLimitDecision#of} reaches the script's verdict again. TIME in a
     * script needs effect replication: the default from Redis 5 on, asked for explicitly where older.
     */
    private static final String SCRIPT = """
            if redis.replicate_commands then redis.replicate_commands() end
            local key = KEYS[1]
            local tokens = tonumber(ARGV[1])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local longest = 0
            for i = 4, #ARGV, 2 do
              longest = math.max(longest, tonumber(ARGV[i]))
            end
            redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%d', now - longest))
            local admitted = true
            local result = {now}
            for i = 3, #ARGV, 2 do
              local limit, span = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
              local from = '(' .. string.format('%d', now - span)
              local used = redis.call('ZCOUNT', key, from, '+inf')
              local oldest, freeing = -1, -1
              if used > 0 then
                oldest = tonumber(redis.call('ZRANGEBYSCORE', key, from, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)[2])
              end
              if used + tokens > limit then
                admitted = false
                if tokens <= limit then
                  freeing = tonumber(redis.call('ZRANGEBYSCORE', key, from, '+inf', 'WITHSCORES', 'LIMIT',
                    used + tokens - limit - 1, 1)[2])
                end
              end
              table.insert(result, used)
              table.insert(result, oldest)
              table.insert(result, freeing)
            end
            if admitted then
              local members = {}
              for n = 1, tokens do
                table.insert(members, string.format('%d', now))
                table.insert(members, ARGV[2] .. n)
                if #members >= 1000 or n == tokens then
                  redis.call('ZADD', key, unpack(members))
                  members = {}
                end
              end
              redis.call('PEXPIRE', key, longest)
            end
            return result
            """;
    private static final String DIGEST = sha1(SCRIPT);

    private final SharedStore store;
    /** With {@link #sequence}, makes every admission's member unique across replicas (short: members cost memory). */
    private final String replica = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final AtomicLong sequence = new AtomicLong();

    SharedWindows(SharedStore store) {
        this.store = store;
    }

    /**
     * Judges a request by all replicas' admissions and records it if it passes.
     *
     * @return the decision; empty when Redis is not configured or cannot answer now (the caller decides alone)
     */
    Optional<RateLimitDecision> consume(String client, List<RateWindow> windows, long tokens) {
        return store.call(redis -> run(redis, client, windows, tokens)).map(reply -> decision(reply, windows, tokens));
    }

    private List<Object> run(RedisCommands<String, String> redis, String client, List<RateWindow> windows,
                             long tokens) {
        String[] keys = {store.key("rate", client)};
        List<String> args = new ArrayList<>(2 + 2 * windows.size());
        args.add(Long.toString(tokens));
        args.add(replica + ":" + Long.toString(sequence.incrementAndGet(), 36) + ":");
        for (RateWindow window : windows) {
            args.add(Long.toString(window.limit()));
            args.add(Long.toString(window.millis()));
        }
        String[] values = args.toArray(String[]::new);
        try {
            return redis.evalsha(DIGEST, ScriptOutputType.MULTI, keys, values);
        } catch (RedisNoScriptException notLoaded) {
            // a restarted or flushed Redis has forgotten the script: EVAL runs it and caches it again
            return redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, values);
        }
    }

    private static RateLimitDecision decision(List<Object> reply, List<RateWindow> windows, long tokens) {
        long now = (Long) reply.get(0);
        List<WindowUsage> usage = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            usage.add(new WindowUsage(windows.get(i), (Long) reply.get(1 + 3 * i), (Long) reply.get(2 + 3 * i),
                    (Long) reply.get(3 + 3 * i)));
        }
        return RateLimitDecision.of(now, tokens, usage);
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
