package dev.sema.translation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sema.batching.DecodeOptions;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.observability.SemaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Translations of single segments, so repeated sentences (boilerplate, UI strings, retries) skip the decoder.
 * Bounded by {@code sema.cache-size} entries (least recently / frequently used leave first); 0 turns it off.
 *
 * <p>A reload must never serve the previous model's output. Each entry's key therefore holds the identity of
 * the model that made it: its Hub commit, revision and path and a generation number that is new for every
 * loaded model instance, even a reload of the same files. And when a request first leases a model the cache
 * has not seen, the whole cache is cleared, so the old entries do not hold memory until they age out.
 */
@ApplicationScoped
public class TranslationCache {

    /** Told how many segments of a request came from the cache and how many had to be decoded. */
    @FunctionalInterface
    public interface Lookups {
        void record(int hits, int misses);
    }

    private final Cache<Key, List<String>> cache;
    private final Lookups lookups;
    /** Generation per model instance; weak, so a retired model is not kept alive by the cache. */
    private final Map<NllbModel, Long> generations = new WeakHashMap<>();
    private long latestGeneration;

    @Inject
    public TranslationCache(EngineConfig config, SemaMetrics metrics) {
        this(config.cacheSize(), metrics::recordTranslationCache);
    }

    /** @param size entries kept, 0 = no cache */
    public TranslationCache(long size, Lookups lookups) {
        if (size < 0) {
            throw new IllegalArgumentException("sema.cache-size must be at least 0, got " + size);
        }
        this.cache = size == 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
        this.lookups = lookups;
    }

    /** For the CDI client proxy only. */
    protected TranslationCache() {
        this(0, (hits, misses) -> { });
    }

    /**
     * @param lease     the model that translates
     * @param segments  segment texts, duplicates allowed
     * @param translate decodes distinct segments not in the cache, returning their n-best lists in order
     * @return per segment, in input order, its translations best first
     */
    List<List<String>> translate(ModelSlot.Lease<NllbModel> lease, DecodeOptions options, List<String> segments,
                                 Function<List<String>, List<List<String>>> translate) {
        if (cache == null) {
            return translate.apply(segments);
        }
        long generation = generationOf(lease.model());
        String identity = Stream.of("commit", "revision", "path").map(k -> k + "=" + lease.info().get(k))
                .collect(Collectors.joining(" "));
        List<Key> keys = segments.stream().map(s -> new Key(generation, identity, options, s)).toList();
        int[] misses = {0};
        Map<Key, List<String>> found = cache.getAll(keys, missing -> {
            List<Key> wanted = new ArrayList<>(new LinkedHashSet<>(missing));
            List<List<String>> decoded = translate.apply(wanted.stream().map(Key::text).toList());
            misses[0] = wanted.size();
            Map<Key, List<String>> loaded = new HashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                loaded.put(wanted.get(i), List.copyOf(decoded.get(i)));
            }
            return loaded;
        });
        lookups.record(segments.size() - misses[0], misses[0]);
        return keys.stream().map(found::get).toList();
    }

    /** Number of cached segments; approximate until {@link #cleanUp()}, as Caffeine evicts in the background. */
    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** Runs pending evictions now. */
    void cleanUp() {
        if (cache != null) {
            cache.cleanUp();
        }
    }

    private synchronized long generationOf(NllbModel model) {
        Long generation = generations.get(model);
        if (generation == null) {
            generation = ++latestGeneration;
            generations.put(model, generation);
            cache.invalidateAll();
        }
        return generation;
    }

    private record Key(long generation, String modelIdentity, DecodeOptions options, String text) {
    }
}
