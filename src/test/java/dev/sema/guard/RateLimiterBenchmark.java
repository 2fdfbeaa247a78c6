package dev.sema.guard;

import dev.sema.fleet.SharedStore;
import dev.sema.fleet.TestKeys;
import io.lettuce.core.api.sync.RedisCommands;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * What a rate-limit charge costs, in memory and through Redis, side by side in alternating rounds, with a plain
 * Redis PING (the round trip alone) for scale: the limiter called directly (no HTTP), 60/minute and 1000/hour, each
 * client charged 40 times (all admitted, so every Redis charge writes), at 1 and at 16 threads; then the heap the
 * in-memory windows take per client. Redis at the given URL (default the local one), under a key
 * prefix of its own that is deleted afterwards.
 * Run: {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) dev.sema.guard.RateLimiterBenchmark [redis-url [rounds]]}
 */
public final class RateLimiterBenchmark {

    private static final int CHARGES_PER_CLIENT = 40;
    private static final int CHARGES_PER_THREAD = 20_000;

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "redis://127.0.0.1:6379");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String prefix = "sema-bench-" + UUID.randomUUID() + ":";
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (SharedStore store = RateLimiters.store(url, prefix, scheduler)) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!store.up() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (!store.up()) {
                throw new IllegalStateException("Redis at " + url + " did not answer within 20 s");
            }
            try {
                System.out.printf("%-8s %7s %10s %9s %9s %9s%n", "limiter", "threads", "charges/s", "p50 µs",
                        "p90 µs", "p99 µs");
                for (int round = 0; round <= rounds; round++) { // round 0 warms up and is not printed
                    for (int concurrency : new int[]{1, 16}) {
                        RateLimiter memory = new RateLimiter(new RateLimits(60, 1000), 100_000, System::nanoTime,
                                RateLimiters.storeWithoutRedis());
                        RateLimiter redis = new RateLimiter(new RateLimits(60, 1000), 100_000, System::nanoTime,
                                store);
                        Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
                        kinds.put("memory", client -> memory.consume(client, 1).allowed());
                        kinds.put("redis", client -> redis.consume(client, 1).allowed());
                        kinds.put("ping", client -> store.call(RedisCommands::ping).isPresent());
                        for (var kind : kinds.entrySet()) {
                            Result r = measure(kind.getValue(), concurrency, "r" + round + "-c" + concurrency + "-",
                                    threads);
                            if (round > 0) {
                                System.out.printf("%-8s %7d %,10.0f %9.1f %9.1f %9.1f%n", kind.getKey(),
                                        concurrency, r.perSecond(), r.percentile(50), r.percentile(90),
                                        r.percentile(99));
                            }
                        }
                    }
                }
            } finally {
                store.call(c -> {
                    TestKeys.deleteAll(c, prefix);
                    return true;
                });
            }
        } finally {
            threads.shutdownNow();
            scheduler.shutdownNow();
        }
        heapPerClient(100_000, 1);
        heapPerClient(10_000, 60);
        heapPerClient(10_000, 1_000);
    }

    /**
     * Heap the in-memory windows hold per client (the client id's string included) after {@code admissions} each,
     * spread over 50 minutes so that all of them stay in the hour window.
     */
    private static void heapPerClient(int clients, int admissions) {
        ManualClock clock = new ManualClock();
        long before = heapInUse();
        RateLimiter limiter = RateLimiters.alone(60, 1000, clients, clock);
        for (int i = 0; i < admissions; i++) {
            for (int c = 0; c < clients; c++) {
                if (!limiter.consume("ip:10." + (c >> 16) + "." + ((c >> 8) & 255) + "." + (c & 255), 1).allowed()) {
                    throw new IllegalStateException("admission " + i + " of client " + c + " refused");
                }
            }
            clock.advance(Duration.ofMillis(3_000_000 / admissions));
        }
        long bytes = heapInUse() - before;
        System.out.printf("in memory: %,d clients × %,d admissions: %,.0f bytes per client (%d tracked)%n", clients,
                admissions, bytes / (double) clients, limiter.trackedClients());
    }

    private static long heapInUse() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private record Result(long[] nanos, long wallNanos) {
        double perSecond() {
            return nanos.length / (wallNanos / 1e9);
        }

        double percentile(int p) {
            return nanos[(int) Math.min(nanos.length - 1, (long) nanos.length * p / 100)] / 1e3;
        }
    }

    /** Runs {@code charge} (true: admitted) on {@code concurrency} threads, each for clients of its own. */
    private static Result measure(Predicate<String> charge, int concurrency, String clients, ExecutorService threads)
            throws Exception {
        List<Callable<long[]>> work = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            String thread = clients + t + "-";
            work.add(() -> {
                long[] nanos = new long[CHARGES_PER_THREAD];
                for (int i = 0; i < nanos.length; i++) {
                    String client = thread + (i / CHARGES_PER_CLIENT);
                    long start = System.nanoTime();
                    if (!charge.test(client)) {
                        throw new IllegalStateException("charge " + i + " of " + client + " refused");
                    }
                    nanos[i] = System.nanoTime() - start;
                }
                return nanos;
            });
        }
        long start = System.nanoTime();
        List<Future<long[]>> done = threads.invokeAll(work);
        long wall = System.nanoTime() - start;
        long[] all = new long[0];
        for (Future<long[]> f : done) {
            long[] part = f.get();
            long[] joined = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, joined, all.length, part.length);
            all = joined;
        }
        Arrays.sort(all);
        return new Result(all, wall);
    }
}
