package dev.sema.translation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodedSegment;
import dev.sema.fleet.SharedStore;
import dev.sema.models.ModelSlot;
import dev.sema.models.ResolvedModel;
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

/**
 * Translations of single segments, so repeated sentences (boilerplate, UI strings, retries) skip the decoder.
 * Two levels: this server's memory (Caffeine, bounded by {@code sema.cache-size} entries, least recently /
 * frequently used leave first), then, for what memory lacks, the replicas' {@link SharedTranslations} in Redis
 * (when {@code sema.redis-url} is set), looked up for all of a request's missing segments in one round trip;
 * what neither holds is decoded and written to both. {@code sema.cache-size} 0 turns both off.
 *
 * <p>A reload must never serve the previous model's output. In memory, each entry's key holds a generation number
 * that is new for every loaded model instance, even a reload of the same files, and when a request first leases a
 * model the cache has not seen, the memory level is cleared, so the old entries do not hold memory until they age
 * out. A generation means nothing to another replica, so the shared level keys by the model's content identity
 * ({@link ResolvedModel#contentId()}); a model without one (a local copy loaded outside {@code ModelRegistry})
 * never shares.
 */
@ApplicationScoped
public class TranslationCache {

    /** Told where the segments of a request came from: memory, the shared level, or the decoder. */
    @FunctionalInterface
    public interface Lookups {
        void record(int memoryHits, int sharedHits, int misses);
    }

    private final Cache<Key, DecodedSegment> memory;
    private final SharedTranslations shared;
    private final Lookups lookups;
    /** Generation per model instance; weak, so a retired model is not kept alive by the cache. */
    private final Map<NllbModel, Long> generations = new WeakHashMap<>();
    private long latestGeneration;

    @Inject
    public TranslationCache(EngineConfig config, SharedStore store, SemaMetrics metrics) {
        this(config.cacheSize(), new SharedTranslations(store, config.cacheTtl()), metrics::recordTranslationCache);
    }

    /**
     * @param size   entries kept in memory, 0 = no cache at all
     * @param shared the second level; with a store without Redis it finds and keeps nothing
     */
    TranslationCache(long size, SharedTranslations shared, Lookups lookups) {
        if (size < 0) {
            throw new IllegalArgumentException("sema.cache-size must be at least 0, got " + size);
        }
        this.memory = size == 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
        this.shared = shared;
        this.lookups = lookups;
    }

    /** For the CDI client proxy only. */
    protected TranslationCache() {
        this.memory = null;
        this.shared = null;
        this.lookups = null;
    }

    /**
     * @param lease     the model that translates
     * @param segments  segment texts, duplicates allowed
     * @param translate decodes distinct segments in neither level, returning their n-best lists in order
     * @return per segment, in input order, its translations best first and the best one's score
     */
    List<DecodedSegment> translate(ModelSlot.Lease<NllbModel> lease, DecodeOptions options, List<String> segments,
                                   Function<List<String>, List<DecodedSegment>> translate) {
        if (memory == null) {
            return translate.apply(segments);
        }
        long generation = generationOf(lease.model());
        Object contentId = shared.enabled() ? lease.info().get(ResolvedModel.CONTENT_ID) : null;
        List<Key> keys = segments.stream().map(s -> new Key(generation, options.withoutPriority(), s)).toList();
        int[] sharedHitsAndMisses = {0, 0};
        Map<Key, DecodedSegment> found = memory.getAll(keys, missing -> {
            List<Key> wanted = new ArrayList<>(new LinkedHashSet<>(missing));
            List<String> texts = wanted.stream().map(Key::text).toList();
            List<DecodedSegment> loaded;
            if (contentId == null) {
                loaded = translate.apply(texts);
                sharedHitsAndMisses[1] += texts.size();
            } else {
                loaded = throughShared(contentId.toString(), options, texts, translate, sharedHitsAndMisses);
            }
            Map<Key, DecodedSegment> entries = new HashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                entries.put(wanted.get(i), loaded.get(i));
            }
            return entries;
        });
        int sharedHits = sharedHitsAndMisses[0];
        int misses = sharedHitsAndMisses[1];
        lookups.record(segments.size() - sharedHits - misses, sharedHits, misses);
        return keys.stream().map(found::get).toList();
    }

    /**
     * The shared level for distinct {@code texts}: one lookup for all, the rest decoded and written back.
     *
     * @param counts incremented: [0] by the texts found, [1] by the texts decoded
     */
    private List<DecodedSegment> throughShared(String contentId, DecodeOptions options, List<String> texts,
                                               Function<List<String>, List<DecodedSegment>> translate, int[] counts) {
        List<String> keys = texts.stream().map(text -> shared.key(contentId, options, text)).toList();
        Map<String, DecodedSegment> found = shared.find(keys);
        List<Integer> absent = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!found.containsKey(keys.get(i))) {
                absent.add(i);
            }
        }
        List<DecodedSegment> results = new ArrayList<>(keys.stream().map(found::get).toList());
        if (!absent.isEmpty()) {
            List<DecodedSegment> decoded = translate.apply(absent.stream().map(texts::get).toList());
            Map<String, DecodedSegment> fresh = new HashMap<>();
            for (int j = 0; j < absent.size(); j++) {
                int i = absent.get(j);
                results.set(i, decoded.get(j));
                fresh.put(keys.get(i), decoded.get(j));
            }
            shared.keep(fresh);
        }
        counts[0] += texts.size() - absent.size();
        counts[1] += absent.size();
        return results;
    }

    /** Number of segments cached in memory; approximate until {@link #cleanUp()}, as Caffeine evicts later. */
    long size() {
        return memory == null ? 0 : memory.estimatedSize();
    }

    /** Runs pending evictions now. */
    void cleanUp() {
        if (memory != null) {
            memory.cleanUp();
        }
    }

    private synchronized long generationOf(NllbModel model) {
        Long generation = generations.get(model);
        if (generation == null) {
            generation = ++latestGeneration;
            generations.put(model, generation);
            memory.invalidateAll();
        }
        return generation;
    }

    /** A segment in memory: the generation alone tells model instances apart on this server. */
    private record Key(long generation, DecodeOptions options, String text) {
    }
}
