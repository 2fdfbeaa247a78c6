package dev.sema.translation;

import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodedSegment;
import dev.sema.fleet.SharedStore;
import dev.sema.fleet.SharedStoreConfig;
import dev.sema.models.ModelLocator;
import dev.sema.models.ModelSlot;
import dev.sema.models.ResolvedModel;
import dev.sema.models.hub.ConfigLookup;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import dev.sema.testmodels.TestModels;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What a translation cache hit costs a request of one segment, in memory and in Redis side by side:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.sema.translation.CacheBenchmark [redis-url] [n]}.
 * Replica A writes n distinct segments to Redis; replica B then asks for each once (a miss in its memory, a hit
 * in Redis: one MGET) and once more (a hit in its memory); replica C asks for them ten to a request (a text of ten
 * sentences: still one MGET). The decoder is a stub, so only the cache is timed. The keys (under a random prefix)
 * are deleted afterwards.
 */
public final class CacheBenchmark {

    public static void main(String[] args) throws Exception {
        URI redis = URI.create(args.length > 0 ? args[0] : "redis://127.0.0.1:6379");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        String prefix = "sema-bench-" + UUID.randomUUID() + ":";
        SharedStore store = SharedStore.open(new SharedStoreConfig(Optional.of(redis), prefix, Duration.ofMillis(250),
                Duration.ofSeconds(1)), scheduler);
        while (!store.up()) {
            Thread.sleep(20);
        }
        ResolvedModel resolved = ModelLocator.from(ConfigLookup.of(Map.of("sema.model-dir", TestModels.tiny()
                .toString(), "sema.model-variant", "fp32"))).resolveTranslationModel();
        ModelSlot<NllbModel> slot = new ModelSlot<>("translation");
        slot.install(NllbModel.load(resolved.path(), ModelVariant.FP32, OrtSettings.DEFAULT), resolved.info(),
                Duration.ZERO);
        DecodeOptions options = new DecodeOptions("eng_Latn", "deu_Latn", 1, 1,
                EngineConfigs.of(1, 512, 400, 16).outputLength());
        Function<List<String>, List<DecodedSegment>> stub = texts -> texts.stream()
                .map(t -> new DecodedSegment(List.of("Übersetzung von " + t), -0.5)).toList();
        List<String> segments = IntStream.range(0, n)
                .mapToObj(i -> "Sentence number " + i + " of the benchmark, about as long as a usual one.").toList();
        TranslationCache a = new TranslationCache(n, new SharedTranslations(store, Duration.ofMinutes(10)),
                (memory, shared, misses) -> { });
        TranslationCache b = new TranslationCache(n, new SharedTranslations(store, Duration.ofMinutes(10)),
                (memory, shared, misses) -> { });
        TranslationCache third = new TranslationCache(n, new SharedTranslations(store, Duration.ofMinutes(10)),
                (memory, shared, misses) -> { });
        try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
            segments.forEach(s -> a.translate(lease, options, List.of(s), stub));
            long[] shared = time(segments, s -> b.translate(lease, options, List.of(s), notDecoded()));
            long[] memory = time(segments, s -> b.translate(lease, options, List.of(s), notDecoded()));
            List<List<String>> texts = IntStream.range(0, n / 10).mapToObj(i -> segments.subList(i * 10, i * 10 + 10))
                    .toList();
            long[] sharedTen = time(texts, ten -> third.translate(lease, options, ten, notDecoded()));
            System.out.printf("%d one-segment requests each; microseconds per request%n", n);
            System.out.printf("memory hit (Caffeine):     p50 %6.1f  p90 %6.1f  p99 %6.1f%n", p(memory, 50),
                    p(memory, 90), p(memory, 99));
            System.out.printf("shared hit (Redis, MGET):  p50 %6.1f  p90 %6.1f  p99 %6.1f%n", p(shared, 50),
                    p(shared, 90), p(shared, 99));
            System.out.printf("10 shared hits, 1 request: p50 %6.1f  p90 %6.1f  p99 %6.1f  (%d requests)%n",
                    p(sharedTen, 50), p(sharedTen, 90), p(sharedTen, 99), texts.size());
        } finally {
            SharedTranslations level = new SharedTranslations(store, Duration.ofMinutes(10));
            String id = resolved.contentId();
            for (int from = 0; from < n; from += 500) {
                String[] keys = segments.subList(from, Math.min(n, from + 500)).stream()
                        .map(s -> level.key(id, options, s)).toArray(String[]::new);
                store.call(c -> c.del(keys));
            }
            slot.clear("benchmark done");
            store.close();
            scheduler.shutdownNow();
        }
    }

    private static Function<List<String>, List<DecodedSegment>> notDecoded() {
        return texts -> {
            throw new AssertionError("decoded although cached: " + texts);
        };
    }

    private static <T> long[] time(List<T> requests, java.util.function.Consumer<T> request) {
        long[] nanos = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            request.accept(requests.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }
}
